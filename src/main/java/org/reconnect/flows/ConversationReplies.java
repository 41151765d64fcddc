package org.reconnect.flows;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.reconnect.flows.FlowMachines.Effect;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.Sender;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Applies a reply, from a participant or from an ally, to the open conversation it answers; an
 * unmatched reply gets the flow's {@code not_understood}.
 */
@Component
class ConversationReplies {

	private static final Logger log = LoggerFactory.getLogger(ConversationReplies.class);

	private final FlowRegistry flows;
	private final Conversations conversations;
	private final MongoTemplate mongo;
	private final ParticipantService participants;
	private final ConversationEffects carrier;
	private final ConversationStarts single;
	private final Clock clock;

	ConversationReplies(FlowRegistry flows, Conversations conversations, MongoTemplate mongo,
			ParticipantService participants, ConversationEffects carrier, ConversationStarts single, Clock clock) {
		this.flows = flows;
		this.conversations = conversations;
		this.mongo = mongo;
		this.participants = participants;
		this.carrier = carrier;
		this.single = single;
		this.clock = clock;
	}

	/**
	 * Applies a reply to the participant's open conversation, one message at a time: a concurrent
	 * change to the same conversation makes this one reload and apply again.
	 *
	 * @return false when the participant has no open conversation
	 */
	boolean reply(ParticipantProfile participant, InboundMessage message) {
		return applyReply(participant.id().value(), Addressee.of(participant), message);
	}

	/**
	 * Applies a message from an ally's number to their newest open conversation still within its
	 * time (one number can be the ally of several participants; the newest invitation answers
	 * first, as a person would expect).
	 *
	 * @param sender who the number is (an ally may be a participant too)
	 * @return false when the number has no such conversation
	 */
	boolean replyAsAlly(InboundMessage message, Sender sender) {
		Query open = Query
			.query(Criteria.where("ally.phone").is(message.from()).and("status").is(Conversation.Status.ACTIVE)
				.and("expiresAt").gt(clock.instant()))
			.with(Sort.by(Sort.Direction.DESC, "startedAt", "id"))
			.limit(1);
		Conversation newest = mongo.findOne(open, Conversation.class);
		if (newest == null) {
			return false;
		}
		ParticipantProfile inviter = participants.find(new ParticipantId(newest.participantId)).orElse(null);
		if (inviter == null || answersOwnConversation(message, sender, newest)) {
			return false;
		}
		return applyReply(newest.partyKey(), Addressee.of(newest.ally, inviter), message);
	}

	/**
	 * A number that is an ally and a participant at once, with a conversation of each open: the
	 * reply goes to the invitation only when the invitation asked last and the reply clearly
	 * answers it (a rule other than {@code when: any}); otherwise to the participant's own.
	 */
	private boolean answersOwnConversation(InboundMessage message, Sender sender, Conversation asAlly) {
		ParticipantProfile own = sender instanceof ParticipantProfile participant ? participant : null;
		Conversation ownOpen = own == null ? null : conversations.findByOpenFor(own.id().value()).orElse(null);
		if (ownOpen == null) {
			return false;
		}
		if (ownOpen.lastActivityAt.isAfter(asAlly.lastActivityAt)) {
			return true;
		}
		FlowDefinition.StateDefinition state = flows.revision(asAlly.revision).state(asAlly.state).orElse(null);
		int rule = state == null ? -1 : FlowMachines.firstMatch(state, message.body());
		return rule < 0 || state.rules().get(rule).when() instanceof Matcher.Any;
	}

	private boolean applyReply(String partyKey, Addressee addressee, InboundMessage message) {
		return applyWithRetry(partyKey, addressee, (conversation, flow) -> {
			FlowMachines.Step step = FlowMachines.reply(flow, conversation.state, message.body());
			conversation.reply(flow, step, clock.instant());
			return step.matched() ? step.effects() : List.of(new Effect.Say(flow.notUnderstood()));
		}, Purpose.REPLY, message.key()).isPresent();
	}

	private Optional<Conversation> applyWithRetry(String partyKey, Addressee addressee,
			BiFunction<Conversation, FlowDefinition, List<Effect>> change, Purpose purpose, String cause) {
		for (int attempt = 1; attempt <= ConversationRuntime.ATTEMPTS; attempt++) {
			Optional<Conversation> open = conversations.findByOpenFor(partyKey);
			if (open.isEmpty()) {
				return Optional.empty();
			}
			Conversation conversation = open.get();
			FlowDefinition flow = flows.revision(conversation.revision);
			List<Effect> effects = change.apply(conversation, flow);
			try {
				conversations.save(conversation);
			}
			catch (OptimisticLockingFailureException ex) {
				log.debug("Conversation {} changed meanwhile; applying again", conversation.id);
				continue;
			}
			carrier.carryOut(addressee, flow, conversation, effects, purpose, cause);
			single.afterStep(addressee.participant(), conversation);
			return Optional.of(conversation);
		}
		throw new IllegalStateException("conversation of party " + partyKey + " kept changing");
	}
}
