package org.reconnect.flows;

import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.InboundPipeline;
import org.springframework.stereotype.Component;

/**
 * A message from a number with an open conversation as an ally (an invitation still within its
 * time) goes to the newest such conversation. The global interrupts (crisis language, STOP,
 * HELP, STOP ALERTS) have run before; a participant's own conversations come after.
 */
@Component
class AllyConversationHandler implements InboundHandler {

	private final ConversationRuntime runtime;

	AllyConversationHandler(ConversationRuntime runtime) {
		this.runtime = runtime;
	}

	@Override
	public InboundPipeline.Step step() {
		return InboundPipeline.Step.ALLY_CONVERSATIONS;
	}

	@Override
	public boolean handle(Inbound inbound) {
		InboundMessage message = inbound.message();
		return runtime.replyAsAlly(message, inbound.sender());
	}
}
