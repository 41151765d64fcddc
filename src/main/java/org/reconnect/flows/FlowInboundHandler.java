package org.reconnect.flows;

import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A participant's message goes to their open conversation; without one, a kind acknowledgement. */
@Component
@Order(200)
class FlowInboundHandler implements InboundHandler {

	private final ParticipantService participants;
	private final ConversationRuntime runtime;
	private final Messenger messenger;

	FlowInboundHandler(ParticipantService participants, ConversationRuntime runtime, Messenger messenger) {
		this.participants = participants;
		this.runtime = runtime;
		this.messenger = messenger;
	}

	@Override
	public boolean handle(InboundMessage message) {
		ParticipantProfile participant = participants.findByPhone(message.from()).orElse(null);
		if (participant == null) {
			return false;
		}
		if (!runtime.reply(participant, message)) {
			String text = "es".equals(participant.language())
					? "Gracias por escribir, " + participant.firstName() + ". Te escribo a las "
							+ participant.checkInTime() + ". Escribe AYUDA para ver opciones."
					: "Thanks for writing, " + participant.firstName() + ". I'll check in with you at "
							+ participant.checkInTime() + ". Text HELP for options.";
			messenger.send(new OutboundMessage(participant.phone(), text, Purpose.REPLY, message.key()));
		}
		return true;
	}
}
