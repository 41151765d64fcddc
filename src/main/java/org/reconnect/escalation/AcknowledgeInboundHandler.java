package org.reconnect.escalation;

import java.util.Locale;

import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.InboundPipeline;
import org.springframework.stereotype.Component;

/** "OK" from anyone an alert reached: they have it in hand, so the ladder stops above their step. */
@Component
class AcknowledgeInboundHandler implements InboundHandler {

	private final EscalationService escalation;

	AcknowledgeInboundHandler(EscalationService escalation) {
		this.escalation = escalation;
	}

	@Override
	public InboundPipeline.Step step() {
		return InboundPipeline.Step.ACKNOWLEDGEMENT;
	}

	@Override
	public boolean handle(Inbound inbound) {
		InboundMessage message = inbound.message();
		String word = message.body().trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
		if (!word.equals("OK") && !word.equals("OKAY") && !word.equals("VALE")) {
			return false;
		}
		return escalation.acknowledgeBySms(message.from(), message.key());
	}
}
