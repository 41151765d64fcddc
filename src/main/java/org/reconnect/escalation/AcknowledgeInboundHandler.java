package org.reconnect.escalation;

import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.InboundPipeline;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.stereotype.Component;

/**
 * "OK", "ok I'll text her", "vale, le llamo" from anyone an alert reached: they have it in hand, so the
 * ladder stops above their step; the same words soon after the episode closed are thanked once.
 */
@Component
class AcknowledgeInboundHandler implements InboundHandler {

	private final EscalationService escalation;
	private final AcknowledgementWords words;

	AcknowledgeInboundHandler(EscalationService escalation, AcknowledgementWords words) {
		this.escalation = escalation;
		this.words = words;
	}

	@Override
	public InboundPipeline.Step step() {
		return InboundPipeline.Step.ACKNOWLEDGEMENT;
	}

	@Override
	public boolean handle(Inbound inbound) {
		InboundMessage message = inbound.message();
		if (!words.acknowledges(message.body())) {
			return false;
		}
		// A participant's own words after their ally episode closed are for their own conversation, not a late OK.
		return escalation.acknowledgeBySms(message.from(), message.key())
				|| !(inbound.sender() instanceof ParticipantProfile)
						&& escalation.thankLateAcknowledgement(message.from(), message.key());
	}
}
