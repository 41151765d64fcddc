package org.reconnect.flows;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.InboundPipeline;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A global interrupt: a participant asking for a person, in any state, is answered at once and
 * their coach is told. It never counts as an answer to the open conversation.
 */
@Component
class AskForPersonHandler implements InboundHandler {

	private final Messenger messenger;
	private final org.springframework.context.ApplicationEventPublisher events;

	private final org.springframework.context.MessageSource texts;
	private final ObjectProvider<PlaceholderSource> placeholders;
	private final ParticipantService participants;

	AskForPersonHandler(Messenger messenger, org.springframework.context.ApplicationEventPublisher events,
			org.springframework.context.MessageSource texts, ObjectProvider<PlaceholderSource> placeholders,
			ParticipantService participants) {
		this.texts = texts;
		this.placeholders = placeholders;
		this.messenger = messenger;
		this.events = events;
		this.participants = participants;
	}

	/**
	 * Whether the text asks for a person, in any offered language (someone enrolled in one may write
	 * in another): a phrase of {@code conversation.asks-for-person.phrases} anywhere in it, or the
	 * whole text a word of {@code conversation.asks-for-person.alone} (messages/conversations*.properties).
	 */
	boolean asksForPerson(String body) {
		List<String> words = Matcher.Text.words(body);
		String text = " " + String.join(" ", words) + " ";
		for (String language : participants.languages()) {
			Locale locale = Locale.forLanguageTag(language);
			if (listed("conversation.asks-for-person.phrases", locale)
				.anyMatch(phrase -> text.contains(" " + phrase + " "))) {
				return true;
			}
			if (listed("conversation.asks-for-person.alone", locale).anyMatch(text.trim()::equals)) {
				return true;
			}
		}
		return false;
	}

	/** A comma-separated list of a bundle, each entry in the words a text is matched as. */
	private Stream<String> listed(String key, Locale locale) {
		return Arrays.stream(texts.getMessage(key, null, "", locale).split(","))
			.map(entry -> String.join(" ", Matcher.Text.words(entry)))
			.filter(entry -> !entry.isEmpty());
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
