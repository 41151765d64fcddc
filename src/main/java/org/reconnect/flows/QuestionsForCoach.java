package org.reconnect.flows;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A participant's question that no conversation can answer ("can I move my check-in to 8?", "¿quién
 * eres?") goes to their coach: a handover, so the coach sees it and writes back, and the participant
 * is told so in their language. A question is one only where the open conversation would not take
 * it as an answer (it would ask again), or where no conversation is open.
 */
@Component
class QuestionsForCoach {

	private final Conversations conversations;
	private final FlowRegistry flows;
	private final ParticipantService participants;
	private final Messenger messenger;
	private final ApplicationEventPublisher events;
	private final MessageSource texts;

	QuestionsForCoach(Conversations conversations, FlowRegistry flows, ParticipantService participants,
			Messenger messenger, ApplicationEventPublisher events, MessageSource texts) {
		this.conversations = conversations;
		this.flows = flows;
		this.participants = participants;
		this.messenger = messenger;
		this.events = events;
		this.texts = texts;
	}

	/**
	 * Passes the text on to the coach when it is a question the open conversation cannot take.
	 *
	 * @return whether it was passed on (the participant has been told)
	 */
	boolean passOn(ParticipantProfile participant, InboundMessage message) {
		if (!isQuestion(message.body()) || answersOpenConversation(participant, message.body())) {
			return false;
		}
		// why, in the staff's words (the base texts): their SMS says it; never the question itself
		events.publishEvent(new HandoverRequested(participant.id(), null,
				texts.getMessage("conversation.question.handover-reason", null, Locale.ROOT)));
		messenger.send(new OutboundMessage(participant.phone(), texts.getMessage("conversation.question.passed",
				null, participant.locale().orElse(Locale.ROOT)), Purpose.REPLY, message.key()));
		return true;
	}

	/**
	 * A question mark anywhere (? or ¿), or a start that asks, in any offered language:
	 * {@code conversation.question.starts} of messages/conversations*.properties.
	 */
	boolean isQuestion(String body) {
		if (body.indexOf('?') >= 0 || body.indexOf('¿') >= 0) {
			return true;
		}
		String text = String.join(" ", Matcher.Text.words(body)) + " ";
		return participants.languages().stream()
			.flatMap(language -> starts(Locale.forLanguageTag(language)).stream())
			.anyMatch(start -> text.startsWith(start + " "));
	}

	private List<String> starts(Locale locale) {
		return Arrays.stream(texts.getMessage("conversation.question.starts", null, "", locale).split(","))
			.map(entry -> String.join(" ", Matcher.Text.words(entry)))
			.filter(entry -> !entry.isEmpty())
			.toList();
	}

	/** The open conversation takes the text somewhere: a rule other than one that only asks again. */
	private boolean answersOpenConversation(ParticipantProfile participant, String body) {
		Conversation open = conversations.findByOpenFor(participant.id().value()).orElse(null);
		if (open == null) {
			return false;
		}
		FlowDefinition.StateDefinition state = flows.revision(open.revision).state(open.state).orElse(null);
		if (state == null) {
			return true;
		}
		int rule = FlowMachines.firstMatch(state, body);
		if (rule < 0) {
			return false;
		}
		FlowDefinition.Rule taken = state.rules().get(rule);
		return !(taken.when() instanceof Matcher.Any && taken.target() == null);
	}
}
