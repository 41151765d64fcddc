package org.reconnect.escalation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.reconnect.participants.ParticipantProfile;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * The texts of alerts, nudges and notices, from {@code messages/alerts*.properties} in the reader's
 * language. A text can only name people, a day, a date or a time: its placeholders are named
 * ({participant}, {day}, ...) and filled from those alone, so nothing a participant answered can
 * ever reach an alert.
 */
@Component
class AlertTexts {

	private final MessageSource texts;

	AlertTexts(MessageSource texts) {
		this.texts = texts;
	}

	boolean has(String key) {
		return texts.getMessage(key, null, null, Locale.ROOT) != null;
	}

	/**
	 * @param language the reader's language; null for the base texts (a coach's)
	 * @param values placeholder values: first names, a day, a date, a time; never answers
	 */
	String render(String key, String language, Map<String, String> values) {
		String text;
		try {
			// No arguments: the text is read as written, its named placeholders filled below.
			text = texts.getMessage(key, null, language == null ? Locale.ROOT : Locale.forLanguageTag(language));
		}
		catch (NoSuchMessageException ex) {
			throw new IllegalStateException("no alert text '" + key + "' in messages/alerts.properties", ex);
		}
		for (Map.Entry<String, String> value : values.entrySet()) {
			text = text.replace("{" + value.getKey() + "}", value.getValue());
		}
		return text;
	}

	/** When a pause ends, "Monday 11 March, 08:00", written as the participant's language writes it. */
	String date(Instant at, ParticipantProfile participant) {
		Locale locale = Locale.forLanguageTag(participant.language());
		return DateTimeFormatter.ofPattern(texts.getMessage("pause.date-pattern", null, locale), locale)
			.format(at.atZone(participant.zone()));
	}
}
