package org.reconnect.escalation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.reconnect.consent.AllyView;
import org.reconnect.messaging.MessagingSettings;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * The texts of alerts, nudges and notices, from {@code messages/alerts*.properties} in the reader's
 * language. A text can only name people, a day, a date or a time: its placeholders are named
 * ({participant}, {day}, ...) and filled from those alone, so nothing a participant answered can
 * ever reach an alert. Two more are filled here for every text: {service}, the programme's name
 * (reconnect.messaging.program-name), and {emergency}, the emergency number of the reader's phone
 * number's country (else the organisation's region) in the reader's language.
 */
@Component
class AlertTexts {

	/** In each alerts bundle: the language it is written in, for the base texts' day names. */
	static final String WRITTEN_IN = "alerts.language";

	private final MessageSource texts;
	private final String programName;
	private final CrisisResources crisis;

	AlertTexts(MessageSource texts, MessagingSettings messaging, CrisisResources crisis) {
		this.texts = texts;
		this.programName = messaging.programName();
		this.crisis = crisis;
	}

	boolean has(String key) {
		return texts.getMessage(key, null, null, Locale.ROOT) != null;
	}

	/**
	 * @param language the reader's language; null for the base texts (a coach's)
	 * @param values placeholder values: first names, a day, a date, a time; never answers
	 */
	String render(String key, String language, Map<String, String> values) {
		return render(key, language, null, values);
	}

	/**
	 * @param readerPhone the reader's number, whose country's emergency number {emergency} names;
	 * null for the organisation's region
	 */
	String render(String key, String language, String readerPhone, Map<String, String> values) {
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
		if (text.contains("{emergency}")) {
			text = text.replace("{emergency}", crisis.line(CrisisResources.Line.EMERGENCY, language, readerPhone));
		}
		return text.replace("{service}", programName);
	}

	/** An ally reads in their own language when they have one (set at invitation), else the participant's. */
	static String language(AllyView ally, ParticipantProfile participant) {
		return ally.language() != null ? ally.language() : participant.language();
	}

	/** The day someone went quiet, "Friday" or "viernes", in the reader's language (null: the base texts'). */
	String day(Instant since, ParticipantProfile participant, String language) {
		Locale locale = Locale.forLanguageTag(language != null ? language : texts.getMessage(WRITTEN_IN, null, Locale.ROOT));
		return since.atZone(participant.zone()).getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, locale);
	}

	/** When a pause ends, "Monday 11 March, 08:00", written as the participant's language writes it. */
	String date(Instant at, ParticipantProfile participant) {
		Locale locale = Locale.forLanguageTag(participant.language());
		return DateTimeFormatter.ofPattern(texts.getMessage("pause.date-pattern", null, locale), locale)
			.format(at.atZone(participant.zone()));
	}
}
