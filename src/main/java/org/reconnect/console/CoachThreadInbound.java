package org.reconnect.console;

import java.time.Clock;

import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundPipeline;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.stereotype.Component;

/**
 * A participant's text within {@code reconnect.console.coach-messages.reply-window} of their
 * coach's last message, while no conversation (a check-in) is open with them, is a reply to the
 * coach: kept in the coach's thread and not passed to the flows, so it is never taken as a
 * check-in answer. A text while a check-in is open goes to the check-in, as it always did.
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
		if (!messages.awaitingReply(id, clock.instant()) || conversations.open(participant.id()).isPresent()) {
			return false;
		}
		messages.keepReply(id, inbound.message().key(), inbound.message().body(), inbound.message().receivedAt());
		return true;
	}
}
