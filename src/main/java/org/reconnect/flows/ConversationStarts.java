package org.reconnect.flows;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SendResult;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.system.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Starts one conversation at a time: a flow with a participant (by the flow's {@code when_busy}
 * policy when another is open), a check-in by hand, a flow with an ally; and starts what waited
 * for a conversation once it ends. State is saved before any message goes out.
 */
@Component
class ConversationStarts {

	private static final Logger log = LoggerFactory.getLogger(ConversationStarts.class);

	private final FlowRegistry flows;
	private final FlowSettings settings;
	private final Conversations conversations;
	private final MongoTemplate mongo;
	private final ParticipantService participants;
	private final ConversationEffects carrier;
	private final AskedQuestions questions;
	private final Clock clock;

	ConversationStarts(FlowRegistry flows, FlowSettings settings, Conversations conversations, MongoTemplate mongo,
			ParticipantService participants, ConversationEffects carrier, AskedQuestions questions, Clock clock) {
		this.flows = flows;
		this.settings = settings;
		this.conversations = conversations;
		this.mongo = mongo;
		this.participants = participants;
		this.carrier = carrier;
		this.questions = questions;
		this.clock = clock;
	}

	/**
	 * Today's check-in, started by hand (a coach trying the loop): it goes now or not at all. Unlike
	 * a scheduled one it never waits for an open conversation to end, so a refusal leaves nothing
	 * queued and no conversation waiting. A question held in the outbox (quiet hours, a retry) is on
	 * its way, until the check-in's deadline at the latest.
	 */
	CheckInByHand checkInByHand(ParticipantId id) {
		ParticipantProfile participant = participants.find(id).orElseThrow();
		if (!participant.active()) {
			return CheckInByHand.refused(CheckInByHand.Refusal.NOT_ACTIVE);
		}
		if (conversations.findByOpenFor(id.value()).isPresent()) {
			return CheckInByHand.refused(CheckInByHand.Refusal.CONVERSATION_OPEN);
		}
		FlowDefinition flow = loaded(settings.checkInFlow());
		Beginning beginning = begin(id, flow);
		FlowMachines.Step step = beginning.step();
		Conversation conversation;
		try {
			conversation = conversations.save(beginning.conversation());
		}
		catch (DuplicateKeyException ex) {
			return CheckInByHand.refused(CheckInByHand.Refusal.CONVERSATION_OPEN); // one opened meanwhile
		}
		List<SendResult> sent = carrier.carryOut(Addressee.of(participant), flow, conversation, step.effects(), flow.sentAs(),
				null);
		if (sent.isEmpty() || !sent.get(0).sent()) {
			undelivered(conversation);
			log.info("Check-in {} by hand with participant {} was not delivered", conversation.id, id);
			return CheckInByHand.refused(CheckInByHand.Refusal.NOT_DELIVERED);
		}
		if (sent.get(0).outcome() == SendResult.Outcome.SENT) {
			questions.askedNow(List.of(conversation), flow);
		}
		log.info("Started check-in {} by hand with participant {}", conversation.id, id);
		afterStep(participant, conversation);
		return new CheckInByHand(conversation.id, null);
	}

	/**
	 * Starts a flow with a participant. When another conversation is open, the flow's
	 * {@code when_busy} policy decides: wait until it ends, interrupt it, or send alongside.
	 *
	 * @return the new conversation's id, when its first message went out now; empty when the
	 * participant is not active, the message could not be delivered, or the flow waits its turn
	 */
	Optional<String> start(ParticipantId id, String flowName) {
		return start(id, flowName, null, false);
	}

	/**
	 * {@link #start(ParticipantId, String)}, the new conversation (if any) getting the id given,
	 * when one is. When {@code resuming} an interrupted start, a flow already waiting for the open
	 * conversation to end is not queued a second time.
	 */
	Optional<String> start(ParticipantId id, String flowName, String conversationId, boolean resuming) {
		for (int attempt = 1;; attempt++) {
			try {
				return startOnce(id, flowName, conversationId, resuming);
			}
			catch (DuplicateKeyException | OptimisticLockingFailureException ex) {
				// Another start (a second click, another node) opened a conversation with them, or changed
				// the open one, a moment ago, before anything was sent: the flow's busy policy decides
				// again against what is open now.
				if (attempt == ConversationRuntime.ATTEMPTS) {
					throw ex;
				}
				log.debug("Starting {} with participant {} met another start; looking again", flowName, id);
			}
		}
	}

	private Optional<String> startOnce(ParticipantId id, String flowName, String conversationId, boolean resuming) {
		ParticipantProfile participant = participants.find(id).orElseThrow();
		if (!participant.active()) {
			log.info("Not starting {} with participant {}: status {}", flowName, id, participant.status());
			return Optional.empty();
		}
		FlowDefinition flow = loaded(flowName);
		if (flow.party() == FlowDefinition.Party.ALLY) {
			throw InvalidInput.of("flow", "problem.flow.with-ally", flowName);
		}
		Optional<Conversation> open = conversations.findByOpenFor(id.value());
		List<String> carried = new ArrayList<>();
		if (open.isPresent()) {
			Conversation busy = open.get();
			switch (flow.whenBusy()) {
				case WAIT -> {
					if (resuming && busy.queued.contains(flowName)) {
						log.info("Flow {} already waits for conversation {} of participant {}", flowName, busy.id, id);
						return Optional.empty();
					}
					// one atomic push: of starts at the same moment, none is lost to another's save
					Query stillOpen = Query.query(Criteria.where("_id").is(busy.id).and("openFor").is(busy.openFor));
					if (mongo.updateFirst(stillOpen, new Update().push("queued", flowName).inc("version", 1),
							Conversation.class).getMatchedCount() == 0) {
						throw new OptimisticLockingFailureException("conversation " + busy.id + " ended meanwhile");
					}
					log.info("Flow {} waits for conversation {} of participant {} to end", flowName, busy.id, id);
					return Optional.empty();
				}
				case ALONGSIDE -> {
					return alongside(participant, flow, conversationId);
				}
				case INTERRUPT -> {
					busy.supersede();
					carried.addAll(busy.queued);
					busy.queued.clear();
					conversations.save(busy);
				}
			}
		}
		Beginning beginning = begin(id, flow);
		FlowMachines.Step step = beginning.step();
		Conversation conversation = beginning.conversation();
		conversation.id = conversationId;
		conversation.queued.addAll(carried);
		conversation = conversations.save(conversation);
		List<SendResult> sent = carrier.carryOut(Addressee.of(participant), flow, conversation, step.effects(), flow.sentAs(),
				null);
		if (sent.isEmpty() || !sent.get(0).sent()) {
			conversation.undelivered();
			conversations.save(conversation);
			log.info("Conversation {} ({}) with participant {} was not delivered", conversation.id, flowName, id);
			return Optional.empty();
		}
		if (sent.get(0).outcome() == SendResult.Outcome.SENT) {
			questions.askedNow(List.of(conversation), flow);
		}
		log.info("Started conversation {} ({}) with participant {}", conversation.id, flowName, id);
		afterStep(participant, conversation);
		return Optional.of(conversation.id);
	}

	/**
	 * Starts a flow with an ally the participant invited, in the ally's language (or the
	 * participant's when the ally has none). It closes no later than {@code answerBy}, the
	 * invitation's own deadline, so the conversation and the consent ledger agree on when it
	 * expired.
	 *
	 * @param entry the flow's entry to begin at (e.g. {@code crisis}), or null for its start
	 * @return the conversation's id, when its first message went out now
	 */
	Optional<String> startWithAlly(InvitedAlly invited, String flowName, String entry, Instant answerBy) {
		ParticipantProfile inviter = participants.find(invited.invitedBy()).orElseThrow();
		FlowDefinition flow = loaded(flowName);
		if (flow.party() != FlowDefinition.Party.ALLY) {
			throw new IllegalArgumentException("flow " + flowName + " is not a flow with an ally (party: ally)");
		}
		Conversation.Ally ally = new Conversation.Ally(invited.allyId(), invited.phone(), invited.firstName(),
				invited.language() == null ? inviter.language() : invited.language());
		conversations.findByOpenFor(Conversation.partyKey(null, ally)).ifPresent(busy -> {
			busy.supersede();
			conversations.save(busy);
		});
		FlowMachines.Step step = FlowMachines.start(flow, flow.startFor(entry));
		Conversation conversation = Conversation.start(inviter.id().value(), ally, flow, step, clock.instant());
		if (answerBy != null && answerBy.isBefore(conversation.expiresAt)) {
			conversation.expiresAt = answerBy;
		}
		conversation = conversations.save(conversation);
		List<SendResult> sent = carrier.carryOut(Addressee.of(ally, inviter), flow, conversation, step.effects(),
				Purpose.CONSENT_REQUEST, null);
		if (sent.isEmpty() || !sent.get(0).sent()) {
			conversation.undelivered();
			conversations.save(conversation);
			log.info("Conversation {} ({}) with ally {} was not delivered", conversation.id, flowName, ally.allyId());
			return Optional.empty();
		}
		log.info("Started conversation {} ({}) with ally {} of participant {}", conversation.id, flowName, ally.allyId(),
				inviter.id());
		return Optional.of(conversation.id);
	}

	/**
	 * Closes the ally's open conversation, if any: their consent ended another way (STOP ALERTS,
	 * STOP, the participant took them off), so nothing more is asked of them.
	 */
	void endWithAlly(String allyId) {
		for (int attempt = 1; attempt <= ConversationRuntime.ATTEMPTS; attempt++) {
			Conversation open = conversations.findByOpenFor("ally:" + allyId).orElse(null);
			if (open == null) {
				return;
			}
			open.close(Conversation.Status.ENDED);
			open.waitUntil = null;
			try {
				conversations.save(open);
				log.info("Conversation {} with ally {} ended: their consent ended another way", open.id, allyId);
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				log.debug("Conversation {} changed meanwhile; looking again", open.id);
			}
		}
	}

	FlowDefinition loaded(String flowName) {
		return flows.current(flowName)
			.orElseThrow(() -> new IllegalStateException("flow " + flowName + " is not loaded; see the flow errors"));
	}

	/** Sends a flow's opening messages without touching the open conversation; kept as ended. */
	private Optional<String> alongside(ParticipantProfile participant, FlowDefinition flow, String conversationId) {
		Beginning beginning = begin(participant.id(), flow);
		FlowMachines.Step step = beginning.step();
		Conversation record = beginning.conversation();
		record.id = conversationId;
		record.close(Conversation.Status.ENDED);
		record.waitUntil = null;
		record.queued.clear();
		record = conversations.save(record);
		List<SendResult> sent = carrier.carryOut(Addressee.of(participant), flow, record, step.effects(), flow.sentAs(),
				null);
		return sent.isEmpty() || !sent.get(0).sent() ? Optional.empty() : Optional.of(record.id);
	}

	/** A participant's new conversation, not yet saved, and the step that began it. */
	private record Beginning(FlowMachines.Step step, Conversation conversation) {
	}

	/**
	 * Begins a participant's conversation where the flow says: for a flow that resumes, at the
	 * state its last conversation with them kept, carrying the kept values on; else at its start.
	 */
	private Beginning begin(ParticipantId id, FlowDefinition flow) {
		Map<String, String> kept = flow.resume() == null ? Map.of()
				: conversations.findFirstByParticipantIdAndFlowAndAllyIsNullOrderByStartedAtDescIdDesc(id.value(), flow.name())
					.map(last -> last.kept)
					.orElse(Map.of());
		FlowMachines.Step step = FlowMachines.start(flow, flow.resumeAt(kept));
		return new Beginning(step, Conversation.start(id.value(), flow, step, clock.instant(), kept));
	}

	void afterStep(ParticipantProfile participant, Conversation conversation) {
		if (!conversation.open() && !conversation.withAlly()) {
			startQueued(participant, conversation);
		}
	}

	void startQueued(ParticipantProfile participant, Conversation ended) {
		List<String> queued = List.copyOf(ended.queued);
		for (String flow : queued) {
			if (flows.current(flow).isEmpty()) {
				log.warn("Conversation {} asked to start flow {}, which is not loaded", ended.id, flow);
				continue;
			}
			start(participant.id(), flow);
		}
	}

	void undelivered(Conversation conversation) {
		try {
			conversation.undelivered();
			conversations.save(conversation);
		}
		catch (RuntimeException ex) {
			log.warn("Conversation {} could not be marked undelivered", conversation.id, ex);
		}
	}
}
