package org.reconnect.participants;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundPipeline;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A participant's "LANGUAGE es" or "IDIOMA español": a language offered (by its tag or its name in
 * any offered language) becomes theirs and is confirmed in it; any other is answered, in their
 * current language, with those offered. Words from messages/participants*.properties.
 */
@Component
class LanguageInboundHandler implements InboundHandler {

	private static final Pattern ASKS = Pattern.compile("^\\s*(?:language|idioma|lenguaje)\\s*:?\\s+(\\p{L}[\\p{L}-]{1,20})\\s*[.!]?\\s*$");

	private final ParticipantService participants;
	private final ParticipantSettings settings;
	private final Messenger messenger;
	private final MessageSource texts;

	LanguageInboundHandler(ParticipantService participants, ParticipantSettings settings, Messenger messenger,
			MessageSource texts) {
		this.participants = participants;
		this.settings = settings;
		this.messenger = messenger;
		this.texts = texts;
	}

	@Override
	public InboundPipeline.Step step() {
		return InboundPipeline.Step.LANGUAGE;
	}

	@Override
	public boolean handle(Inbound inbound) {
		if (!(inbound.sender() instanceof ParticipantProfile participant)) {
			return false;
		}
		Matcher asks = ASKS.matcher(plain(inbound.message().body()));
		if (!asks.matches()) {
			return false;
		}
		Optional<String> wanted = offered(asks.group(1));
		String text;
		if (wanted.isPresent()) {
			ParticipantProfile changed = participants.changeLanguage(participant.id(), wanted.get());
			Locale now = Locale.forLanguageTag(changed.language());
			text = texts.getMessage("language.changed", new Object[] { changed.firstName(), now.getDisplayLanguage(now) },
					now);
		}
		else {
			Locale current = participant.locale().orElse(Locale.ROOT);
			List<String> names = settings.languages()
				.stream()
				.map(tag -> Locale.forLanguageTag(tag).getDisplayLanguage(current) + " (" + tag + ")")
				.toList();
			text = texts.getMessage("language.not-offered", new Object[] { String.join(", ", names) }, current);
		}
		messenger.send(new OutboundMessage(participant.phone(), text, Purpose.REPLY, inbound.message().key()));
		return true;
	}

	/** The offered language named by its tag ("es") or its name in any offered language ("español", "Spanish"). */
	private Optional<String> offered(String word) {
		for (String tag : settings.languages()) {
			Locale language = Locale.forLanguageTag(tag);
			if (plain(tag).equals(word)) {
				return Optional.of(tag);
			}
			for (String in : settings.languages()) {
				if (plain(language.getDisplayLanguage(Locale.forLanguageTag(in))).equals(word)) {
					return Optional.of(tag);
				}
			}
		}
		return Optional.empty();
	}

	private static String plain(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}
}
