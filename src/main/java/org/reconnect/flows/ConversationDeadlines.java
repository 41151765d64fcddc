package org.reconnect.flows;

import java.time.Clock;

import org.bson.types.ObjectId;
import org.reconnect.messaging.MessageUndelivered;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.system.handoff.ClaimEach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Timeouts and expiry: times out waits that ran out, expires conversations past their deadline
 * (raising {@link CheckInMissed} for an unanswered check-in), and closes as undelivered those
 * whose question never arrived. Each is claimed by one atomic update, so several nodes sweeping
 * at once act on each exactly once.
 */
@Component
class ConversationDeadlines {

	private static final Logger log = LoggerFactory.getLogger(ConversationDeadlines.class);

	private final FlowRegistry flows;
	private final Conversations conversations;
	private final MongoTemplate mongo;
	private final ParticipantService participants;
	private final ConversationEffects carrier;
	private final ConversationStarts single;
	private final AskedQuestions questions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ConversationDeadlines(FlowRegistry flows, Conversations conversations, MongoTemplate mongo,
			ParticipantService participants, ConversationEffects carrier, ConversationStarts single,
			AskedQuestions questions, ApplicationEventPublisher events, Clock clock) {
		this.flows = flows;
		this.conversations = conversations;
		this.mongo = mongo;
		this.participants = participants;
		this.carrier = carrier;
		this.single = single;
		this.questions = questions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Times out every wait that has run out: each is claimed by one atomic update, then the
	 * state's timeout transition runs (a gentle nudge, or an end).
	 *
	 * @return how many waits timed out
	 */
	int timeoutsDue() {
		Criteria due = Criteria.where("status").is(Conversation.Status.ACTIVE).and("waitUntil").lte(clock.instant())
			.and("questionPending").ne(true);
		return ClaimEach.claimEach(mongo, Conversation.class, due, () -> new Update().unset("waitUntil"), Integer.MAX_VALUE,
				claimed -> {
					timedOut(claimed);
					return true;
				});
	}

	private void timedOut(Conversation conversation) {
		FlowDefinition flow = flows.revision(conversation.revision);
		FlowMachines.Step step = FlowMachines.timeout(flow, conversation.state);
		conversation.timedOut(flow, step, clock.instant());
		try {
			conversations.save(conversation);
		}
		catch (OptimisticLockingFailureException ex) {
			return; // a reply came in meanwhile and moved the conversation on
		}
		ParticipantProfile participant = participants.find(new ParticipantId(conversation.participantId)).orElse(null);
		if (participant != null) {
			Addressee addressee = conversation.withAlly() ? Addressee.of(conversation.ally, participant)
					: Addressee.of(participant);
			carrier.carryOut(addressee, flow, conversation, step.effects(),
					conversation.withAlly() ? Purpose.CONSENT_REQUEST : flow.sentAs(), null);
			single.afterStep(participant, conversation);
		}
	}

	/**
	 * Closes every open conversation past its deadline, raising {@link CheckInMissed} for a
	 * check-in that was asked and got no reply at all, then starts what was waiting for it. A
	 * conversation whose question never went out before its deadline is closed as undelivered
	 * instead: it was never seen, so it is never missed (see {@link AskedQuestions#settle}).
	 *
	 * @return how many expired
	 */
	int expireDue() {
		questions.settle().forEach(this::notDelivered);
		Criteria due = Criteria.where("status").is(Conversation.Status.ACTIVE).and("expiresAt").lte(clock.instant())
			.and("questionPending").ne(true);
		return ClaimEach.claimEach(mongo, Conversation.class, due,
				() -> new Update().set("status", Conversation.Status.EXPIRED).set("openFor", Conversation.closedKey()),
				Integer.MAX_VALUE, claimed -> {
					expired(claimed);
					return true;
				});
	}

	private void expired(Conversation ended) {
		if (ended.replies == 0 && FlowEvent.CHECK_IN_MISSED.named().equals(ended.onExpiry)) {
			log.info("Check-in {} of participant {} expired unanswered", ended.id, ended.participantId);
			events.publishEvent(new CheckInMissed(new ParticipantId(ended.participantId), ended.id,
					ended.askedAt != null ? ended.askedAt : ended.startedAt));
		}
		if (!ended.withAlly()) {
			participants.find(new ParticipantId(ended.participantId)).ifPresent(p -> single.startQueued(p, ended));
		}
	}

	/** Closes a conversation whose question never went out as undelivered, if it still waits for it. */
	private void notDelivered(String id) {
		Query waiting = Query.query(Criteria.where("_id").is(new ObjectId(id)).and("status").is(Conversation.Status.ACTIVE)
			.and("questionPending").is(true));
		Conversation closed = mongo.findAndModify(waiting,
				new Update().set("status", Conversation.Status.UNDELIVERED).set("openFor", Conversation.closedKey())
					.set("questionPending", false).inc("version", 1),
				FindAndModifyOptions.options().returnNew(true), Conversation.class);
		if (closed == null) {
			return;
		}
		log.info("Conversation {} ({}) with participant {} was not delivered: its question could not go before {}",
				closed.id, closed.flow, closed.participantId, closed.expiresAt);
		participants.find(new ParticipantId(closed.participantId)).ifPresent(p -> single.startQueued(p, closed));
	}

	/**
	 * A check-in (or a reminder's question) whose question the outbox gave up on, or Twilio
	 * reported undelivered, was never seen: it can never count as missed. Only a conversation
	 * still waiting for its first answer changes (through the aggregate, with its version, so a
	 * concurrent reply wins or reloads).
	 */
	@EventListener
	void on(MessageUndelivered undelivered) {
		if (undelivered.purpose() != Purpose.CHECK_IN && undelivered.purpose() != Purpose.REMINDER
				&& undelivered.purpose() != Purpose.CONSENT_REQUEST || undelivered.reference() == null) {
			return;
		}
		for (int attempt = 1; attempt <= ConversationRuntime.ATTEMPTS; attempt++) {
			Conversation conversation = conversations.findById(undelivered.reference()).orElse(null);
			if (conversation == null || !conversation.open() || conversation.replies > 0) {
				return;
			}
			conversation.undelivered();
			try {
				conversations.save(conversation);
				log.info("Conversation {} marked undelivered: its check-in never arrived", conversation.id);
				if (!conversation.withAlly()) {
					participants.find(new ParticipantId(conversation.participantId))
						.ifPresent(participant -> single.startQueued(participant, conversation));
				}
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				log.debug("Conversation {} changed meanwhile; looking again", conversation.id);
			}
		}
	}
}
