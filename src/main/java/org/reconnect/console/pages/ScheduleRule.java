package org.reconnect.console.pages;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.reconnect.system.InvalidInput;
import org.reconnect.system.InvalidInput.FieldProblem;
import org.springframework.context.MessageSource;

/**
 * Builds a reminder's start and RFC 5545 rule from the choices of the {@link ReminderForm}, and
 * reads a stored rule back into those choices. A repeating reminder starts on the first day from
 * the chosen date that the rule allows, so the first date is always one of its occurrences.
 */
public final class ScheduleRule {

	/** The start (local to the participant) and the rule (null for a one-off). */
	public record Built(LocalDateTime start, String rule) {
	}

	private static final DateTimeFormatter UNTIL = DateTimeFormatter.BASIC_ISO_DATE;

	private static final Set<String> ORDINALS = Set.of("1", "2", "3", "4", "-1");

	/** Years a date may name at all; the service narrows them to 10 years from today. */
	private static final int EARLIEST_YEAR = 1900;

	private static final int LATEST_YEAR = 2999;

	/** How many months ahead to look for a day a monthly rule allows (a 31st comes within 2). */
	private static final int MONTHS_AHEAD = 24;

	private ScheduleRule() {
	}

	/**
	 * @param kept the stored rule, for {@code repeat=kept}
	 * @throws InvalidInput naming each field of the form that is wrong, in the coach's language
	 */
	public static Built build(ReminderForm form, String kept, MessageSource texts, Locale locale) {
		Problems problems = new Problems();
		LocalDate date = date(form.date(), "date", problems);
		LocalTime time = null;
		try {
			time = LocalTime.parse(form.time() == null ? "" : form.time().trim());
		}
		catch (DateTimeParseException ex) {
			problems.add("time", "repeat.error.time");
		}
		String repeat = form.repeat() == null ? "once" : form.repeat();
		StringBuilder rule = new StringBuilder();
		LocalDate first = date;
		switch (repeat) {
			case "once" -> rule = null;
			case "daily" -> rule.append("FREQ=DAILY");
			case "weekly" -> {
				int every = number(form.everyWeeks(), 1, 52, "everyWeeks", "repeat.error.every-weeks", problems);
				List<DayOfWeek> days = form.days() == null ? List.of()
						: ReminderForm.WEEKDAYS.stream().filter(form.days()::contains).map(ReminderForm::day).toList();
				if (days.isEmpty()) {
					problems.add("days", "repeat.error.days");
				}
				rule.append("FREQ=WEEKLY").append(every > 1 ? ";INTERVAL=" + every : "").append(";BYDAY=")
					.append(String.join(",", days.stream().map(ReminderForm::code).toList()));
				if (date != null && !days.isEmpty()) {
					first = date;
					while (!days.contains(first.getDayOfWeek())) {
						first = first.plusDays(1);
					}
				}
			}
			case "monthly" -> {
				if ("weekday".equals(form.monthly())) {
					boolean known = form.ordinal() != null && ORDINALS.contains(form.ordinal());
					if (!known) {
						problems.add("ordinal", "repeat.error.ordinal");
					}
					boolean day = form.weekday() != null && ReminderForm.WEEKDAYS.contains(form.weekday());
					if (!day) {
						problems.add("weekday", "repeat.error.weekday");
					}
					rule.append("FREQ=MONTHLY;BYDAY=").append(form.ordinal()).append(form.weekday());
					if (known && day && date != null) {
						first = nthWeekdayFrom(date, Integer.parseInt(form.ordinal()), ReminderForm.day(form.weekday()));
					}
				}
				else {
					int day = "-1".equals(form.monthDay() == null ? null : form.monthDay().trim()) ? -1
							: number(form.monthDay(), 1, 31, "monthDay", "repeat.error.month-day", problems);
					rule.append("FREQ=MONTHLY;BYMONTHDAY=").append(day);
					if (day != 0 && date != null) {
						first = monthDayFrom(date, day);
					}
				}
			}
			case "kept" -> {
				if (kept == null) {
					problems.add("repeat", "repeat.error.repeat");
				}
				rule.append(kept);
			}
			default -> problems.add("repeat", "repeat.error.repeat");
		}
		if (rule != null && !"kept".equals(repeat)) {
			end(form, first, rule, problems);
		}
		if (form.leads() == null || form.leads().stream().allMatch(lead -> lead == null || lead.isBlank())) {
			problems.add("leads", "repeat.error.leads");
		}
		problems.check();
		return new Built(LocalDateTime.of(first, time), rule == null ? null : rule.toString());
	}

	/**
	 * The form's schedule choices for a stored rule; a rule the form cannot show (written through
	 * the API) is "kept" as it is.
	 */
	static ReminderForm read(String rule, LocalDateTime start, ZoneId zone, ReminderForm form) {
		if (rule == null || rule.isBlank()) {
			return form.withSchedule("once", "1", List.of(), "day", "1", "1", "MO", "never", "", "");
		}
		Map<String, String> parts = new LinkedHashMap<>();
		for (String part : rule.toUpperCase(Locale.ROOT).split(";")) {
			int equals = part.indexOf('=');
			if (equals > 0) {
				parts.put(part.substring(0, equals), part.substring(equals + 1));
			}
		}
		String ends = "never";
		String until = "";
		String count = "";
		if (parts.containsKey("COUNT")) {
			ends = "after";
			count = parts.remove("COUNT");
		}
		else if (parts.containsKey("UNTIL")) {
			ends = "on";
			until = untilDate(parts.remove("UNTIL"), zone);
		}
		parts.remove("WKST");
		String every = parts.getOrDefault("INTERVAL", "1");
		parts.remove("INTERVAL");
		String frequency = parts.remove("FREQ");
		ReminderForm kept = form.withSchedule("kept", "1", List.of(), "day", "1", "1", "MO", "never", "", "");
		String startDay = ReminderForm.code(start.getDayOfWeek());
		if ("DAILY".equals(frequency) && parts.isEmpty() && "1".equals(every)) {
			return form.withSchedule("daily", "1", List.of(), "day", "1", "1", "MO", ends, until, count);
		}
		if ("WEEKLY".equals(frequency) && parts.keySet().stream().allMatch("BYDAY"::equals)) {
			List<String> days = parts.containsKey("BYDAY") ? List.of(parts.get("BYDAY").split(",")) : List.of(startDay);
			if (!ReminderForm.WEEKDAYS.containsAll(days)) {
				return kept;
			}
			return form.withSchedule("weekly", every, days, "day", "1", "1", startDay, ends, until, count);
		}
		if (!"MONTHLY".equals(frequency) || !"1".equals(every)) {
			return kept;
		}
		if (parts.isEmpty()) {
			return form.withSchedule("monthly", "1", List.of(), "day", String.valueOf(start.getDayOfMonth()), "1",
					startDay, ends, until, count);
		}
		if (parts.size() == 1 && parts.containsKey("BYMONTHDAY")) {
			String day = parts.get("BYMONTHDAY");
			boolean fits = "-1".equals(day) || day.matches("[1-9]|[12][0-9]|3[01]");
			return fits ? form.withSchedule("monthly", "1", List.of(), "day", day, "1", startDay, ends, until, count) : kept;
		}
		String byDay = parts.remove("BYDAY");
		String position = parts.remove("BYSETPOS");
		if (byDay == null || !parts.isEmpty()) {
			return kept;
		}
		if (position != null) {
			byDay = position + byDay;
		}
		if (byDay.length() < 3) {
			return kept;
		}
		String ordinal = byDay.substring(0, byDay.length() - 2).replace("+", "");
		String weekday = byDay.substring(byDay.length() - 2);
		if (!ORDINALS.contains(ordinal) || !ReminderForm.WEEKDAYS.contains(weekday)) {
			return kept;
		}
		return form.withSchedule("monthly", "1", List.of(), "weekday", String.valueOf(start.getDayOfMonth()), ordinal,
				weekday, ends, until, count);
	}

	private static void end(ReminderForm form, LocalDate first, StringBuilder rule, Problems problems) {
		switch (form.ends() == null ? "never" : form.ends()) {
			case "on" -> {
				LocalDate last = date(form.until(), "until", problems);
				if (last != null && first != null && last.isBefore(first)) {
					problems.add("until", "repeat.error.until-before", first);
				}
				else if (last != null) {
					rule.append(";UNTIL=").append(UNTIL.format(last));
				}
			}
			case "after" -> rule.append(";COUNT=")
				.append(number(form.count(), 1, 999, "count", "repeat.error.count", problems));
			default -> {
			}
		}
	}

	/** The first day from {@code from} that is the {@code nth} (-1: last) {@code day} of its month. */
	static LocalDate nthWeekdayFrom(LocalDate from, int nth, DayOfWeek day) {
		for (int month = 0; month <= MONTHS_AHEAD; month++) {
			LocalDate candidate = from.plusMonths(month).with(nth < 0 ? TemporalAdjusters.lastInMonth(day)
					: TemporalAdjusters.dayOfWeekInMonth(nth, day));
			if (!candidate.isBefore(from)) {
				return candidate;
			}
		}
		return from;
	}

	/** The first day from {@code from} that is day {@code day} (-1: the last day) of its month. */
	static LocalDate monthDayFrom(LocalDate from, int day) {
		for (int month = 0; month <= MONTHS_AHEAD; month++) {
			LocalDate start = from.plusMonths(month).withDayOfMonth(1);
			if (day < 0) {
				LocalDate last = start.with(TemporalAdjusters.lastDayOfMonth());
				if (!last.isBefore(from)) {
					return last;
				}
			}
			else if (day <= start.lengthOfMonth() && !start.withDayOfMonth(day).isBefore(from)) {
				return start.withDayOfMonth(day);
			}
		}
		return from;
	}

	private static String untilDate(String until, ZoneId zone) {
		try {
			if (until.length() == 8) {
				return LocalDate.parse(until, UNTIL).toString();
			}
			LocalDateTime at = LocalDateTime.parse(until.replace("Z", ""), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
			return until.endsWith("Z") ? at.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate().toString()
					: at.toLocalDate().toString();
		}
		catch (DateTimeParseException ex) {
			return "";
		}
	}

	private static LocalDate date(String raw, String field, Problems problems) {
		try {
			LocalDate date = LocalDate.parse(raw == null ? "" : raw.trim());
			// far outside any schedule (the service allows 10 years either way): named here, before date arithmetic overflows
			if (date.getYear() < EARLIEST_YEAR || date.getYear() > LATEST_YEAR) {
				problems.add(field, "repeat.error.date");
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			problems.add(field, "repeat.error.date");
			return null;
		}
	}

	private static int number(String raw, int least, int most, String field, String key, Problems problems) {
		try {
			int value = Integer.parseInt(raw == null ? "" : raw.trim());
			if (value >= least && value <= most) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// named below
		}
		problems.add(field, key, least, most);
		return 0;
	}

	/** What is wrong, by field, as codes of the console bundle (the page shows them in the coach's words). */
	private record Problems(List<FieldProblem> list) {

		Problems() {
			this(new ArrayList<>());
		}

		void add(String field, String key, Object... values) {
			list.add(FieldProblem.of(field, key, values));
		}

		void check() {
			if (!list.isEmpty()) {
				throw new InvalidInput(list);
			}
		}
	}
}
