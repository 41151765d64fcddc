package org.reconnect.reminders;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words participants read about their meetings, from {@code messages/reminders*.properties} in
 * their language (date and time patterns included): kind, brief, never shaming.
 */
@Component
class ReminderTexts {

	private final MessageSource texts;

	ReminderTexts(MessageSource texts) {
		this.texts = texts;
	}

	/** An upcoming meeting as one line of NEXT's answer. */
	record Upcoming(String title, String place, ZonedDateTime start) {
	}

	/** @param askForReply whether to ask for GOING, CANT or SUPPORT (not when the reply flow asks) */
	String reminder(String language, String firstName, String title, String place, String note, ZonedDateTime start,
			LocalDate today, boolean askForReply) {
		Locale locale = Locale.forLanguageTag(language);
		List<String> sentences = new ArrayList<>();
		sentences.add(present(place)
				? text("reminder.at-place", locale, firstName, title, when(start, today, locale), time(start, locale),
						place.trim())
				: text("reminder.at", locale, firstName, title, when(start, today, locale), time(start, locale)));
		if (present(note)) {
			sentences.add(text("reminder.note", locale, note.trim()));
		}
		if (askForReply) {
			sentences.add(text("reminder.ask", locale));
		}
		return String.join(" ", sentences);
	}

	String next(String language, List<Upcoming> upcoming) {
		Locale locale = Locale.forLanguageTag(language);
		if (upcoming.isEmpty()) {
			return text("reminder.next.none", locale);
		}
		StringBuilder text = new StringBuilder(text("reminder.next.heading", locale));
		int n = 1;
		for (Upcoming u : upcoming) {
			String number = String.valueOf(n++);
			text.append('\n')
				.append(present(u.place())
						? text("reminder.next.line-place", locale, number, u.title(), day(u.start(), locale),
								time(u.start(), locale), u.place().trim())
						: text("reminder.next.line", locale, number, u.title(), day(u.start(), locale),
								time(u.start(), locale)));
		}
		return text.toString();
	}

	/** One upcoming meeting in a few words, for the {next_meeting} placeholder. */
	String brief(String language, Upcoming next) {
		Locale locale = Locale.forLanguageTag(language);
		return text("reminder.brief", locale, next.title(), day(next.start(), locale), time(next.start(), locale));
	}

	String thanks(String language, Reminder.Answer answer) {
		return text("reminder.thanks." + answer.name(), Locale.forLanguageTag(language));
	}

	private String when(ZonedDateTime start, LocalDate today, Locale locale) {
		LocalDate day = start.toLocalDate();
		if (day.equals(today)) {
			return text("reminder.today", locale);
		}
		if (day.equals(today.plusDays(1))) {
			return text("reminder.tomorrow", locale);
		}
		return text("reminder.on-day", locale, day(start, locale));
	}

	private String day(ZonedDateTime start, Locale locale) {
		return DateTimeFormatter.ofPattern(texts.getMessage("reminder.day-pattern", null, locale), locale).format(start);
	}

	private String time(ZonedDateTime start, Locale locale) {
		return DateTimeFormatter.ofPattern(texts.getMessage("reminder.time-pattern", null, locale), locale).format(start);
	}

	private String text(String key, Locale locale, Object... values) {
		return texts.getMessage(key, values, locale);
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}
}
