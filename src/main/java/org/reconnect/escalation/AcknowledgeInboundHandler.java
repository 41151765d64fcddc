package org.reconnect.escalation;

import java.util.Locale;

import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "OK" from anyone an alert reached: they have it in hand, so the ladder stops above their step. */
@Component
@Order(50)
class AcknowledgeInboundHandler implements InboundHandler {

	private final EscalationService escalation;

	AcknowledgeInboundHandler(EscalationService escalation) {
		this.escalation = escalation;
	}

	@Override
	public boolean handle(InboundMessage message) {
		String word = message.body().trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
		if (!word.equals("OK") && !word.equals("OKAY") && !word.equals("VALE")) {
			return false;
		}
		return escalation.acknowledgeBySms(message.from(), message.key());
	}
}
