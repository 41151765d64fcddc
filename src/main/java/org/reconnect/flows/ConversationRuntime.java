package org.reconnect.flows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.SendResult;
import org.reconnect.messaging.Sender;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.stereotype.Service;

/**
 * Runs conversations with participants, and with the allies they invite: starts one (by the
 * flow's policy when another is open), applies a reply,
 * times out waits, expires those past their deadline. State is saved before any message goes
 * out; a conversation whose first message was not delivered never counts as a missed check-in.
 * Its window runs from when its question went out, not from when it was written: a question
 * still in the outbox may go no later than the conversation's first deadline, and until it went
 * the conversation neither times out nor expires as missed.
 * <p>
 * The module's public face; the work is done by package-private parts: {@link ConversationStarts}
 * (one at a time), {@link BatchStarts}, {@link InterruptedStarts}, {@link ConversationReplies},
 * {@link ConversationDeadlines} (timeouts and expiry), with {@link ConversationEffects} and
 * {@link ConversationTexts}.
 */
@Service
public class ConversationRuntime {

	/** How often a change that met a concurrent one is read and applied again. */
	static final int ATTEMPTS = 5;

	private final ConversationStarts single;
	private final BatchStarts batch;
	private final InterruptedStarts interrupted;
	private final ConversationReplies replies;
	private final ConversationDeadlines deadlines;
	private final Conversations conversations;
	private final FlowRegistry flows;
	private final FlowSettings settings;

	ConversationRuntime(ConversationStarts single, BatchStarts batch, InterruptedStarts interrupted,
			ConversationReplies replies, ConversationDeadlines deadlines, Conversations conversations, FlowRegistry flows,
			FlowSettings settings) {
		this.single = single;
		this.batch = batch;
		this.interrupted = interrupted;
		this.replies = replies;
		this.deadlines = deadlines;
		this.conversations = conversations;
		this.flows = flows;
		this.settings = settings;
	}

	/**
	 * Starts today's check-in; empty when it did not go out now (see {@link #start}). A question
	 * still in the outbox (held for quiet hours, or waiting for a retry) counts as on its way; if
	 * it later fails, the conversation is marked undelivered ({@link ConversationDeadlines}).
	 */
	public Optional<String> startCheckIn(ParticipantId participant) {
		return start(participant, settings.checkInFlow());
	}

	/** Today's check-in, started by hand: it goes now or not at all (see {@link ConversationStarts#checkInByHand}). */
	public CheckInByHand checkInByHand(ParticipantId id) {
		return single.checkInByHand(id);
	}

	/** {@link #startCheckIn} for a batch of participants (see {@link BatchStarts#startCheckIns}). */
	public Map<ParticipantId, Optional<String>> startCheckIns(List<CheckInStart> starts) {
		return batch.startCheckIns(starts);
	}

	/**
	 * Sends the caller's messages and starts one flow with the participants they go to, as one
	 * batch to the outbox (see {@link BatchStarts#sendThenStart}).
	 *
	 * @return the results of the caller's messages, in their order
	 */
	public List<SendResult> sendThenStart(List<OutboundMessage> messages, List<ParticipantProfile> to, String flowName) {
		return batch.sendThenStart(messages, to, flowName);
	}

	/** Finishes check-ins whose start a stopped node may have cut short (see {@link InterruptedStarts}). */
	public Map<ParticipantId, Optional<String>> finishCheckIns(List<CheckInStart> starts, Set<ParticipantId> late) {
		return interrupted.finishCheckIns(starts, late);
	}

	/**
	 * Starts a flow with a participant. When another conversation is open, the flow's
	 * {@code when_busy} policy decides: wait until it ends, interrupt it, or send alongside.
	 *
	 * @return the new conversation's id, when its first message went out now; empty when the
	 * participant is not active, the message could not be delivered, or the flow waits its turn
	 */
	public Optional<String> start(ParticipantId id, String flowName) {
		return single.start(id, flowName);
	}

	/**
	 * Starts a flow with an ally the participant invited, closing no later than {@code answerBy}
	 * (see {@link ConversationStarts#startWithAlly}).
	 *
	 * @param entry the flow's entry to begin at (e.g. {@code crisis}), or null for its start
	 * @return the conversation's id, when its first message went out now
	 */
	public Optional<String> startWithAlly(InvitedAlly invited, String flowName, String entry, Instant answerBy) {
		return single.startWithAlly(invited, flowName, entry, answerBy);
	}

	/** Closes the ally's open conversation, if any: their consent ended another way. */
	public void endWithAlly(String allyId) {
		single.endWithAlly(allyId);
	}

	/** The ally's open conversation, as a coach may see it. */
	public Optional<ConversationView> openWithAlly(String allyId) {
		return conversations.findByOpenFor("ally:" + allyId).map(ConversationView::of);
	}

	/**
	 * Applies a reply to the participant's open conversation (see {@link ConversationReplies}).
	 *
	 * @return false when the participant has no open conversation
	 */
	boolean reply(ParticipantProfile participant, InboundMessage message) {
		return replies.reply(participant, message);
	}

	/**
	 * Applies a message from an ally's number to their newest open conversation still within its time.
	 *
	 * @param sender who the number is, as the inbound pipeline found them (an ally may be a participant too)
	 * @return false when the number has no such conversation
	 */
	boolean replyAsAlly(InboundMessage message, Sender sender) {
		return replies.replyAsAlly(message, sender);
	}

	/**
	 * Times out every wait that has run out (a gentle nudge, or an end).
	 *
	 * @return how many waits timed out
	 */
	public int timeoutsDue() {
		return deadlines.timeoutsDue();
	}

	/**
	 * Closes every open conversation past its deadline, raising {@link CheckInMissed} for a
	 * check-in that was asked and got no reply at all, then starts what was waiting for it.
	 *
	 * @return how many expired
	 */
	public int expireDue() {
		return deadlines.expireDue();
	}

	public Optional<ConversationView> open(ParticipantId participant) {
		return conversations.findByOpenFor(participant.value())
			.map(ConversationView::of);
	}

	public List<ConversationView> history(ParticipantId participant) {
		return conversations.history(participant.value())
			.stream()
			.filter(c -> !c.withAlly())
			.map(ConversationView::of)
			.toList();
	}

	/** The names of the flows loaded now. */
	public Set<String> flowNames() {
		return new TreeSet<>(flows.names());
	}
}
