package org.reconnect.console;

import java.time.Clock;
import java.time.Instant;

import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundPipeline;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.stereotype.Component;

/**
 * A participant's text within {@code reconnect.console.coach-messages.reply-window} of their
 * coach's last message is a reply to the coach when the coach's message is the last thing asked of
 * them: no conversation (a check-in) is open, or its question has not reached them yet (held for
 * their quiet hours), or it was asked before the coach wrote. Such a text is kept in the coach's
 * thread and not passed to the flows, so it is never taken as a check-in answer. A text after a
 * check-in question that came after the coach's message answers the check-in.
 */
@Component
class CoachThreadInbound implements InboundHandler {

	private final CoachMessages messages;
	private final ConversationRuntime conversations;
	private final Clock clock;

	CoachThreadInbound(CoachMessages messages, ConversationRuntime conversations, Clock clock) {
		this.messages = messages;
		this.conversations = conversations;
		this.clock = clock;
	}

	@Override
	public InboundPipeline.Step step() {
		return InboundPipeline.Step.COACH_THREAD;
	}

	@Override
	public boolean handle(Inbound inbound) {
		if (!(inbound.sender() instanceof ParticipantProfile participant)) {
			return false;
		}
		String id = participant.id().value();
		Instant coachWrote = messages.lastWrittenWithinWindow(id, clock.instant()).orElse(null);
		if (coachWrote == null) {
			return false;
		}
		boolean askedSince = conversations.open(participant.id())
			.map(open -> open.askedAt() != null && !open.askedAt().isBefore(coachWrote))
			.orElse(false);
		if (askedSince) {
			return false;
		}
		messages.keepReply(id, inbound.message().key(), inbound.message().body(), inbound.message().receivedAt());
		return true;
	}
}
