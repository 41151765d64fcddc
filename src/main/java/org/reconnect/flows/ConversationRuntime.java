package org.reconnect.flows;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.reconnect.flows.FlowDefinition.Texts;
import org.reconnect.flows.FlowMachines.Effect;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SendResult;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Runs conversations: starts one, applies a reply, expires those past their deadline. State is
 * saved before any message goes out, and a conversation whose first message was not delivered
 * never counts as a missed check-in.
 */
@Service
public class ConversationRuntime {

	private static final Logger log = LoggerFactory.getLogger(ConversationRuntime.class);
	private static final int ATTEMPTS = 5;

	private final FlowRegistry flows;
	private final FlowSettings settings;
	private final Conversations conversations;
	private final MongoTemplate mongo;
	private final ParticipantService participants;
	private final Messenger messenger;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ConversationRuntime(FlowRegistry flows, FlowSettings settings, Conversations conversations, MongoTemplate mongo,
			ParticipantService participants, Messenger messenger, ApplicationEventPublisher events, Clock clock) {
		this.flows = flows;
		this.settings = settings;
		this.conversations = conversations;
		this.mongo = mongo;
		this.participants = participants;
		this.messenger = messenger;
		this.events = events;
		this.clock = clock;
	}

	/** Starts today's check-in; empty when the participant is not active or it could not be delivered. */
	public Optional<String> startCheckIn(ParticipantId participant) {
		return start(participant, settings.checkInFlow());
	}

	/**
	 * Starts a flow with a participant, replacing any conversation still open.
	 *
	 * @return the conversation id, when its first message was sent
	 */
	public Optional<String> start(ParticipantId id, String flowName) {
		ParticipantProfile participant = participants.find(id).orElseThrow();
		if (!participant.active()) {
			log.info("Not starting {} with participant {}: status {}", flowName, id, participant.status());
			return Optional.empty();
		}
		FlowDefinition flow = flows.current(flowName)
			.orElseThrow(() -> new IllegalStateException("flow " + flowName + " is not loaded; see the flow errors"));
		conversations.findFirstByParticipantIdAndStatus(id.value(), Conversation.Status.ACTIVE).ifPresent(open -> {
			open.supersede();
			conversations.save(open);
		});
		FlowMachines.Step step = FlowMachines.start(flow);
		Conversation conversation = conversations.save(Conversation.start(id.value(), flow, step, clock.instant()));
		List<SendResult> sent = carryOut(participant, flow, conversation, step.effects(), Purpose.CHECK_IN);
		if (sent.isEmpty() || !sent.get(0).sent()) {
			conversation.undelivered();
			conversations.save(conversation);
			log.info("Conversation {} ({}) with participant {} was not delivered", conversation.id, flowName, id);
			return Optional.empty();
		}
		log.info("Started conversation {} ({}) with participant {}", conversation.id, flowName, id);
		return Optional.of(conversation.id);
	}

	/**
	 * Applies a reply to the participant's open conversation, one message at a time: a concurrent
	 * change to the same conversation makes this one reload and apply again.
	 *
	 * @return false when the participant has no open conversation
	 */
	boolean reply(ParticipantProfile participant, InboundMessage message) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Optional<Conversation> open = conversations.findFirstByParticipantIdAndStatus(participant.id().value(),
					Conversation.Status.ACTIVE);
			if (open.isEmpty()) {
				return false;
			}
			Conversation conversation = open.get();
			FlowDefinition flow = flows.revision(conversation.revision);
			FlowMachines.Step step = FlowMachines.reply(flow, conversation.state, message.body());
			List<Effect> effects = step.matched() ? step.effects() : List.of(new Effect.Say(flow.notUnderstood()));
			conversation.apply(step, clock.instant());
			try {
				conversations.save(conversation);
			}
			catch (OptimisticLockingFailureException ex) {
				log.debug("Conversation {} changed meanwhile; applying message {} again", conversation.id, message.key());
				continue;
			}
			carryOut(participant, flow, conversation, effects, Purpose.REPLY);
			return true;
		}
		throw new IllegalStateException("conversation of participant " + participant.id() + " kept changing");
	}

	/**
	 * Closes every open conversation past its deadline. Each is claimed by one atomic update, so
	 * several nodes sweeping at once raise each missed check-in once.
	 *
	 * @return how many expired
	 */
	public int expireDue() {
		int expired = 0;
		Instant now = clock.instant();
		Query due = Query.query(Criteria.where("status").is(Conversation.Status.ACTIVE).and("expiresAt").lte(now));
		Update expire = new Update().set("status", Conversation.Status.EXPIRED);
		Conversation claimed;
		while ((claimed = mongo.findAndModify(due, expire, FindAndModifyOptions.options().returnNew(true),
				Conversation.class)) != null) {
			expired++;
			if (claimed.replies == 0 && "CheckInMissed".equals(claimed.onExpiry)) {
				log.info("Check-in {} of participant {} expired unanswered", claimed.id, claimed.participantId);
				events.publishEvent(new CheckInMissed(new ParticipantId(claimed.participantId), claimed.id,
						claimed.startedAt));
			}
		}
		return expired;
	}

	public Optional<ConversationView> open(ParticipantId participant) {
		return conversations.findFirstByParticipantIdAndStatus(participant.value(), Conversation.Status.ACTIVE)
			.map(ConversationView::of);
	}

	public List<ConversationView> history(ParticipantId participant) {
		return conversations.findByParticipantIdOrderByStartedAtDesc(participant.value())
			.stream()
			.map(ConversationView::of)
			.toList();
	}

	private List<SendResult> carryOut(ParticipantProfile participant, FlowDefinition flow, Conversation conversation,
			List<Effect> effects, Purpose purpose) {
		List<SendResult> results = new java.util.ArrayList<>();
		for (Effect effect : effects) {
			if (effect instanceof Effect.Say say) {
				results.add(messenger.send(new OutboundMessage(participant.phone(), render(say.text(), participant, flow),
						purpose, conversation.id)));
			}
			else if (effect instanceof Effect.Emit emit && "CheckInAnswered".equals(emit.event())) {
				events.publishEvent(new CheckInAnswered(participant.id(), conversation.id));
			}
			// Save effects were applied to the conversation before it was saved.
		}
		return results;
	}

	private static String render(Texts text, ParticipantProfile participant, FlowDefinition flow) {
		return text.in(participant.language(), flow.defaultLanguage()).replace("{first_name}", participant.firstName());
	}
}
