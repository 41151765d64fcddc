package org.reconnect.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;

/** A reminder's schedule in plain words for the coach: "Every Tue and Thu at 7:00 PM". */
final class RuleWords {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy", Locale.US);

	private static final String[] ORDINALS = { "", "first", "second", "third", "fourth", "fifth" };

	private RuleWords() {
	}

	static String describe(String rule, LocalDateTime start) {
		String at = " at " + TIME.format(start);
		if (rule == null) {
			return "Once, on " + DATE.format(start) + at;
		}
		Recur<Temporal> recur = new Recur<>(rule);
		int interval = Math.max(1, recur.getInterval());
		List<WeekDay> days = recur.getDayList();
		String words = switch (recur.getFrequency()) {
			case DAILY -> interval == 1 ? "Every day" : "Every " + interval + " days";
			case WEEKLY -> {
				String on = days.isEmpty() ? day(start.getDayOfWeek()) : join(days.stream().map(d -> day(d)).toList());
				yield interval == 1 ? "Every " + on : interval == 2 ? "Every other " + on : "Every " + interval + " weeks on " + on;
			}
			case MONTHLY -> {
				String which;
				if (!days.isEmpty()) {
					which = join(days.stream().map(d -> ordinal(d.getOffset()) + " " + day(d)).toList()) + " of the month";
				}
				else if (!recur.getMonthDayList().isEmpty()) {
					which = "day " + join(recur.getMonthDayList().stream().map(String::valueOf).toList()) + " of the month";
				}
				else {
					which = "day " + start.getDayOfMonth() + " of the month";
				}
				String first = which.substring(0, 1).toUpperCase(Locale.ROOT) + which.substring(1);
				yield interval == 1 ? first : first + ", every " + interval + " months";
			}
			case YEARLY -> "Every year on " + start.getMonth().getDisplayName(TextStyle.SHORT, Locale.US) + " "
					+ start.getDayOfMonth();
			default -> "Every " + interval + " " + recur.getFrequency().name().toLowerCase(Locale.ROOT);
		};
		StringBuilder text = new StringBuilder(words).append(at);
		if (recur.getCount() > 0) {
			text.append(", ").append(recur.getCount()).append(recur.getCount() == 1 ? " time" : " times");
		}
		if (recur.getUntil() != null) {
			text.append(", until ").append(recur.getUntil());
		}
		return text.toString();
	}

	private static String ordinal(int offset) {
		if (offset == -1) {
			return "last";
		}
		return offset > 0 && offset < ORDINALS.length ? ORDINALS[offset] : "every";
	}

	private static String day(WeekDay day) {
		return day(WeekDay.getDayOfWeek(day));
	}

	private static String day(DayOfWeek day) {
		return day.getDisplayName(TextStyle.SHORT, Locale.US);
	}

	private static String join(List<String> parts) {
		if (parts.size() == 1) {
			return parts.get(0);
		}
		return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
	}
}
