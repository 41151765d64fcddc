package org.reconnect.flows;

import java.util.List;
import java.util.Locale;

import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.InboundPipeline;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A global interrupt: a participant asking for a person, in any state, is answered at once and
 * their coach is told. It never counts as an answer to the open conversation.
 */
@Component
class AskForPersonHandler implements InboundHandler {

	private static final List<String> PHRASES = List.of("coach", "talk to someone", "talk to a person",
			"talk to a human", "speak to someone", "speak to a person", "real person", "a human", "call me",
			"hablar con alguien", "una persona", "llamame");

	private final Messenger messenger;
	private final org.springframework.context.ApplicationEventPublisher events;

	private final org.springframework.context.MessageSource texts;
	private final ObjectProvider<PlaceholderSource> placeholders;

	AskForPersonHandler(Messenger messenger, org.springframework.context.ApplicationEventPublisher events,
			org.springframework.context.MessageSource texts, ObjectProvider<PlaceholderSource> placeholders) {
		this.texts = texts;
		this.placeholders = placeholders;
		this.messenger = messenger;
		this.events = events;
	}

	static boolean asksForPerson(String body) {
		String text = " " + String.join(" ", Matcher.Text.words(body)) + " ";
		return PHRASES.stream().anyMatch(p -> text.contains(" " + String.join(" ", Matcher.Text.words(p)) + " "))
				|| text.trim().toUpperCase(Locale.ROOT).equals("PERSON");
	}

	@Override
	public InboundPipeline.Step step() {
		return InboundPipeline.Step.ASK_FOR_PERSON;
	}

	@Override
	public boolean handle(Inbound inbound) {
		InboundMessage message = inbound.message();
		if (!asksForPerson(message.body())) {
			return false;
		}
		if (!(inbound.sender() instanceof ParticipantProfile participant)) {
			return false;
		}
		// why, in the staff's words (the base texts): their SMS says it
		events.publishEvent(new HandoverRequested(participant.id(), null,
				texts.getMessage("conversation.handover-reason", null, Locale.ROOT)));
		Locale locale = participant.locale().orElse(Locale.ROOT);
		messenger.send(new OutboundMessage(participant.phone(),
				texts.getMessage("conversation.person-asked", new Object[] { urgentLine(participant, locale) }, locale),
				Purpose.REPLY, message.key()));
		return true;
	}

	/** The region's crisis line (escalation knows it), never a number of another country. */
	private String urgentLine(ParticipantProfile participant, Locale locale) {
		return placeholders.orderedStream()
			.filter(source -> source.placeholder().equals("urgent_line"))
			.map(source -> source.value(participant))
			.flatMap(java.util.Optional::stream)
			.findFirst()
			.orElseGet(() -> texts.getMessage("conversation.urgent-line", null, locale));
	}
}
