package org.reconnect.scheduling;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The words participants read, in English or Spanish: kind, brief, never shaming. */
final class ReminderTexts {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("EEE, MMM d", Locale.US);

	private static final DateTimeFormatter ES_TIME = DateTimeFormatter.ofPattern("HH:mm", SPANISH);

	private static final DateTimeFormatter ES_DAY = DateTimeFormatter.ofPattern("EEE d 'de' MMM", SPANISH);

	private ReminderTexts() {
	}

	/** An upcoming meeting as one line of NEXT's answer. */
	record Upcoming(String title, String place, ZonedDateTime start) {
	}

	/** @param askForReply whether to ask for GOING, CANT or SUPPORT (not when the reply flow asks) */
	static String reminder(String language, String firstName, String title, String place, String note,
			ZonedDateTime start, LocalDate today, boolean askForReply) {
		boolean es = "es".equals(language);
		StringBuilder text = new StringBuilder();
		if (es) {
			text.append("Hola ").append(firstName).append(", un recordatorio: ").append(title).append(' ')
				.append(when(start, today, true)).append(" a las ").append(ES_TIME.format(start));
			if (present(place)) {
				text.append(" en ").append(place.trim());
			}
			text.append('.');
			if (present(note)) {
				text.append(" Nota: ").append(note.trim());
			}
			if (askForReply) {
				text.append(" Responde VOY, NO PUEDO o APOYO.");
			}
		}
		else {
			text.append("Hi ").append(firstName).append(", a reminder: ").append(title).append(' ')
				.append(when(start, today, false)).append(" at ").append(EN_TIME.format(start));
			if (present(place)) {
				text.append(", ").append(place.trim());
			}
			text.append('.');
			if (present(note)) {
				text.append(" Note: ").append(note.trim());
			}
			if (askForReply) {
				text.append(" Reply GOING, CANT or SUPPORT.");
			}
		}
		return text.toString();
	}

	static String next(String language, List<Upcoming> upcoming) {
		boolean es = "es".equals(language);
		if (upcoming.isEmpty()) {
			return es ? "No tienes reuniones ni citas próximas. Tu coach puede añadirlas."
					: "You have no meetings or appointments coming up. Your coach can add them.";
		}
		StringBuilder text = new StringBuilder(es ? "Tus próximas citas:" : "Your next meetings:");
		int n = 1;
		for (Upcoming u : upcoming) {
			text.append('\n').append(n++).append(". ").append(u.title()).append(", ");
			text.append(es ? ES_DAY.format(u.start()) + ", " + ES_TIME.format(u.start())
					: EN_DAY.format(u.start()) + ", " + EN_TIME.format(u.start()));
			if (present(u.place())) {
				text.append(es ? ", en " : ", ").append(u.place().trim());
			}
		}
		return text.toString();
	}

	/** One upcoming meeting in a few words, for the {next_meeting} placeholder. */
	static String brief(String language, Upcoming next) {
		boolean es = "es".equals(language);
		return next.title() + ", " + (es ? ES_DAY.format(next.start()) + ", " + ES_TIME.format(next.start())
				: EN_DAY.format(next.start()) + ", " + EN_TIME.format(next.start()));
	}

	static String thanks(String language, Reminder.Answer answer) {
		boolean es = "es".equals(language);
		return switch (answer) {
			case GOING -> es ? "¡Genial! Gracias por avisar." : "Great, thanks for letting us know.";
			case CANT_MAKE_IT -> es ? "Gracias por avisar. Está bien; tu coach lo verá."
					: "Thanks for letting us know. That's okay; your coach will see it.";
			case NEED_SUPPORT -> es ? "Gracias por decirlo. Tu coach se pondrá en contacto pronto."
					: "Thank you for telling us. Your coach will reach out soon.";
		};
	}

	private static String when(ZonedDateTime start, LocalDate today, boolean es) {
		LocalDate day = start.toLocalDate();
		if (day.equals(today)) {
			return es ? "hoy" : "today";
		}
		if (day.equals(today.plusDays(1))) {
			return es ? "mañana" : "tomorrow";
		}
		return es ? "el " + ES_DAY.format(start) : "on " + EN_DAY.format(start);
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}
}
