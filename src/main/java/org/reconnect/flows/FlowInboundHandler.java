package org.reconnect.flows;

import java.util.Locale;

import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.InboundPipeline;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A participant's message goes to their open conversation; without one, a kind acknowledgement. A
 * question neither can answer goes to their coach first ({@link QuestionsForCoach}).
 */
@Component
class FlowInboundHandler implements InboundHandler {

	private final ConversationRuntime runtime;
	private final Messenger messenger;
	private final QuestionsForCoach questions;

	private final MessageSource texts;

	FlowInboundHandler(ConversationRuntime runtime, Messenger messenger, QuestionsForCoach questions,
			MessageSource texts) {
		this.questions = questions;
		this.texts = texts;
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
		boolean passedOn = questions.passOn(participant, message);
		if (!runtime.reply(participant, message) && !passedOn) {
			String text = texts.getMessage("conversation.no-flow-open",
					new Object[] { participant.firstName(), participant.checkInTime().toString() },
					participant.locale().orElse(Locale.ROOT));
			messenger.send(new OutboundMessage(participant.phone(), text, Purpose.REPLY, message.key()));
		}
		return true;
	}
}
