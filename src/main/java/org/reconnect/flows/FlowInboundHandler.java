package org.reconnect.flows;

import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.InboundPipeline;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.stereotype.Component;

/** A participant's message goes to their open conversation; without one, a kind acknowledgement. */
@Component
class FlowInboundHandler implements InboundHandler {

	private final ConversationRuntime runtime;
	private final Messenger messenger;

	FlowInboundHandler(ConversationRuntime runtime, Messenger messenger) {
		this.runtime = runtime;
		this.messenger = messenger;
	}

	@Override
	public InboundPipeline.Step step() {
		return InboundPipeline.Step.FLOWS;
	}

	@Override
	public boolean handle(Inbound inbound) {
		InboundMessage message = inbound.message();
		if (!(inbound.sender() instanceof ParticipantProfile participant)) {
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
