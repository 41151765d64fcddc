package org.reconnect.reminders;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;

/**
 * A reminder's schedule in plain words for the coach, in their language (Every Tue and Thu at
 * 7:00 PM; Último día laborable de cada mes a las 18:30). Every sentence and piece comes from the
 * {@code messages/schedules} bundle; day and month names and date and time formats from the
 * language's locale data. Covers every rule {@link RecurrenceRules} accepts: the frequency and its
 * interval, BYDAY (with or without a number), BYSETPOS, BYMONTHDAY (from the end too), BYMONTH,
 * BYYEARDAY, BYWEEKNO, COUNT, UNTIL (as the last local date it allows) and the skipped dates.
 */
@Component
class RuleWords {

	private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

	private static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

	private final MessageSource texts;

	RuleWords(MessageSource texts) {
		this.texts = texts;
	}

	/**
	 * The language the description is in for someone who reads {@code wanted}: it when the bundle
	 * speaks it, else the bundle's base language (so day names never come in a third one).
	 */
	Locale spoken(Locale wanted) {
		return Locale.forLanguageTag(texts.getMessage("schedule.language", null, wanted));
	}

	/** One occurrence's local date and time, as listed under a schedule (Tue, Mar 5, 2030 at 7:00 PM). */
	String occurrence(LocalDateTime at, Locale locale) {
		Locale spoken = spoken(locale);
		return DateTimeFormatter.ofPattern(texts.getMessage("schedule.occurrence", null, spoken), spoken).format(at);
	}

	/**
	 * When a reminder's text goes, relative to its meeting, in words: "1 hour before", "the day
	 * before at 6:00 PM" (schedule.lead.* in the bundle).
	 */
	String lead(Lead lead, Locale locale) {
		Locale spoken = spoken(locale);
		if (lead.before() == null) {
			String at = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(spoken).format(lead.at());
			return texts.getMessage("schedule.lead.days-at", new Object[] { lead.daysBefore(), at }, spoken);
		}
		long minutes = lead.before().toMinutes();
		if (minutes % (24 * 60) == 0) {
			return texts.getMessage("schedule.lead.days", new Object[] { minutes / (24 * 60) }, spoken);
		}
		if (minutes % 60 == 0) {
			return texts.getMessage("schedule.lead.hours", new Object[] { minutes / 60 }, spoken);
		}
		return texts.getMessage("schedule.lead.minutes", new Object[] { minutes }, spoken);
	}

	/**
	 * What becomes of a text due in quiet hours, for the preview of next dates: {@code why} is
	 * anyway, waits, skipped, superseded or too-late (schedule.quiet.* in the bundle).
	 *
	 * @param at when the text falls due
	 * @param end when those quiet hours end
	 * @param zone the participant's zone, in which quiet hours are kept
	 */
	String quietSend(String why, Instant at, Instant end, ZoneId zone, Locale locale) {
		Locale spoken = spoken(locale);
		String when = DateTimeFormatter.ofPattern(texts.getMessage("schedule.quiet.when", null, spoken), spoken)
			.format(at.atZone(zone));
		String until = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(spoken).format(end.atZone(zone));
		return texts.getMessage("schedule.quiet." + why, new Object[] { when, until }, spoken);
	}

	/**
	 * @param rule the RFC 5545 rule, or null for a one-off
	 * @param start the first occurrence, local to {@code zone}
	 * @param skipped the local date-times of occurrences left out (ISO, e.g. 2030-03-12T19:00)
	 */
	String describe(String rule, LocalDateTime start, ZoneId zone, List<String> skipped, Locale locale) {
		Words words = new Words(spoken(locale));
		StringBuilder text = new StringBuilder();
		Recur<Temporal> recur = rule == null ? null : new Recur<>(rule);
		text.append(recur == null ? words.say("schedule.once", words.date(start.toLocalDate()))
				: words.capitalised(sentence(recur, start, words)));
		text.append(words.say("schedule.at", words.time(start), start.getHour()));
		if (recur != null) {
			if (recur.getCount() > 0) {
				text.append(words.say("schedule.count", recur.getCount()));
			}
			if (recur.getUntil() != null) {
				text.append(words.say("schedule.until", words.date(lastDate(recur.getUntil(), start, zone))));
			}
		}
		if (skipped != null && !skipped.isEmpty()) {
			text.append(words.say("schedule.except",
					words.and(skipped.stream().map(s -> words.date(LocalDateTime.parse(s).toLocalDate())).toList())));
		}
		return text.toString();
	}

	private String sentence(Recur<Temporal> recur, LocalDateTime start, Words words) {
		int interval = Math.max(1, recur.getInterval());
		List<WeekDay> days = recur.getDayList();
		boolean numbered = days.stream().anyMatch(day -> day.getOffset() != 0);
		List<Integer> setPos = recur.getSetPosList();
		List<Integer> monthDays = recur.getMonthDayList();
		List<Month> months = recur.getMonthList().stream().map(m -> Month.of(m.getMonthOfYear())).toList();
		String inMonths = months.isEmpty() ? "" : words.say("schedule.in-months", words.and(months.stream().map(words::month).toList()));
		return switch (recur.getFrequency()) {
			case DAILY -> (days.isEmpty() ? words.say("schedule.daily", interval)
					: words.say("schedule.daily.on", interval, chosen(days, setPos, words))) + inMonths;
			case WEEKLY -> {
				if (!setPos.isEmpty()) {
					yield words.say("schedule.weekly", interval) + words.say("schedule.of-week", chosen(days, setPos, words))
							+ inMonths;
				}
				String on = days.isEmpty() ? words.day(start.getDayOfWeek()) : words.and(dayNames(days, words));
				yield words.say("schedule.weekly.on", interval, on) + inMonths;
			}
			case MONTHLY -> monthly(interval, days, numbered, setPos, monthDays, start, words) + inMonths;
			default -> yearly(recur, interval, days, numbered, setPos, monthDays, months, start, words);
		};
	}

	private String monthly(int interval, List<WeekDay> days, boolean numbered, List<Integer> setPos,
			List<Integer> monthDays, LocalDateTime start, Words words) {
		if (!setPos.isEmpty()) {
			return words.say("schedule.monthly.on", interval, chosen(days, setPos, words, monthDays));
		}
		if (numbered) {
			return words.say("schedule.monthly.on", interval, words.and(numberedDays(days, words)));
		}
		if (!days.isEmpty()) {
			return words.say("schedule.monthly.every", interval, words.and(dayNames(days, words)));
		}
		List<Integer> which = monthDays.isEmpty() ? List.of(start.getDayOfMonth()) : monthDays;
		return words.say("schedule.monthly.on", interval, words.and(which.stream().map(words::monthDay).toList()));
	}

	private String yearly(Recur<Temporal> recur, int interval, List<WeekDay> days, boolean numbered,
			List<Integer> setPos, List<Integer> monthDays, List<Month> months, LocalDateTime start, Words words) {
		String everyNYears = words.say("schedule.every-n-years", interval);
		if (!recur.getWeekNoList().isEmpty()) {
			String weeks = words.and(recur.getWeekNoList().stream().map(String::valueOf).toList());
			List<String> on = days.isEmpty() ? List.of(words.day(start.getDayOfWeek())) : dayNames(days, words);
			return words.say("schedule.yearly.week", interval, weeks) + words.say("schedule.of-week", words.and(on));
		}
		if (!recur.getYearDayList().isEmpty()) {
			return words.say("schedule.yearly.yearday", interval,
					words.and(recur.getYearDayList().stream().map(n -> words.nth(n, words.anyDay(), words.anyDay())).toList()));
		}
		String monthNames = words.and(months.stream().map(words::month).toList());
		if (!setPos.isEmpty()) {
			String chosen = chosen(days, setPos, words, monthDays);
			return months.isEmpty() ? words.say("schedule.yearly.yearday", interval, chosen)
					: words.say("schedule.yearly.in", interval, chosen, monthNames);
		}
		if (!days.isEmpty()) {
			if (numbered) {
				String which = words.and(numberedDays(days, words));
				return months.isEmpty() ? words.say("schedule.yearly.yearday", interval, which)
						: words.say("schedule.yearly.in", interval, which, monthNames);
			}
			return months.isEmpty() ? words.say("schedule.weekly.on", 1, words.and(dayNames(days, words))) + everyNYears
					: words.say("schedule.yearly.every", interval, words.and(dayNames(days, words)), monthNames);
		}
		if (!monthDays.isEmpty() && months.isEmpty()) {
			return words.say("schedule.monthly.on", 1, words.and(monthDays.stream().map(words::monthDay).toList()))
					+ everyNYears;
		}
		List<Month> inMonths = months.isEmpty() ? List.of(start.getMonth()) : months;
		if (monthDays.stream().anyMatch(day -> day < 0)) {
			return words.say("schedule.yearly.in", interval,
					words.and(monthDays.stream().map(words::monthDay).toList()),
					words.and(inMonths.stream().map(words::month).toList()));
		}
		List<Integer> dayNumbers = monthDays.isEmpty() ? List.of(start.getDayOfMonth()) : monthDays;
		List<String> dates = new ArrayList<>();
		for (Month month : inMonths) {
			for (int day : dayNumbers) {
				dates.add(words.monthDate(month, day));
			}
		}
		return words.say("schedule.yearly.on", interval, words.and(dates));
	}

	/** BYSETPOS: the n-th of the set the other parts give each period (last weekday). */
	private String chosen(List<WeekDay> days, List<Integer> setPos, Words words) {
		return chosen(days, setPos, words, List.of());
	}

	private String chosen(List<WeekDay> days, List<Integer> setPos, Words words, List<Integer> monthDays) {
		if (setPos.isEmpty()) {
			return words.and(dayNames(days, words));
		}
		String set = days.isEmpty() ? words.or(monthDays.stream().map(words::monthDay).toList()) : daySet(days, words);
		return words.and(setPos.stream().map(n -> words.nth(n, set, set)).toList());
	}

	private static String daySet(List<WeekDay> days, Words words) {
		Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
		days.forEach(day -> set.add(WeekDay.getDayOfWeek(day)));
		if (set.size() == 7) {
			return words.anyDay();
		}
		if (set.equals(WEEKDAYS)) {
			return words.text("schedule.weekday");
		}
		if (set.equals(WEEKEND)) {
			return words.text("schedule.weekend-day");
		}
		return words.or(set.stream().map(words::day).toList());
	}

	private static List<String> dayNames(List<WeekDay> days, Words words) {
		Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
		days.forEach(day -> set.add(WeekDay.getDayOfWeek(day)));
		return set.equals(WEEKDAYS) ? List.of(words.text("schedule.weekday")) : set.stream().map(words::day).toList();
	}

	private static List<String> numberedDays(List<WeekDay> days, Words words) {
		return days.stream().map(day -> {
			String name = words.day(WeekDay.getDayOfWeek(day));
			return day.getOffset() == 0 ? name : words.nth(day.getOffset(), name, name);
		}).toList();
	}

	/**
	 * The last local date an occurrence can fall on: UNTIL is inclusive, and a UTC UNTIL earlier in
	 * the local day than the reminder's time of day leaves that day out.
	 */
	private static LocalDate lastDate(Temporal until, LocalDateTime start, ZoneId zone) {
		LocalDateTime local;
		if (until instanceof LocalDate date) {
			return date;
		}
		else if (until instanceof LocalDateTime floating) {
			local = floating;
		}
		else if (until instanceof ZonedDateTime zoned) {
			local = zoned.withZoneSameInstant(zone).toLocalDateTime();
		}
		else if (until instanceof OffsetDateTime offset) {
			local = offset.atZoneSameInstant(zone).toLocalDateTime();
		}
		else {
			local = Instant.from(until).atZone(zone).toLocalDateTime();
		}
		return local.toLocalTime().isBefore(start.toLocalTime()) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
	}

	/** The bundle and the locale's own names and formats, for one description. */
	private final class Words {

		private final Locale locale;

		Words(Locale locale) {
			this.locale = locale;
		}

		String text(String code) {
			return texts.getMessage(code, null, locale);
		}

		String say(String code, Object... args) {
			return texts.getMessage(code, args, locale);
		}

		String anyDay() {
			return text("schedule.any-day");
		}

		String day(DayOfWeek day) {
			return day.getDisplayName(TextStyle.valueOf(text("schedule.day-names")), locale);
		}

		String month(Month month) {
			return month.getDisplayName(TextStyle.valueOf(text("schedule.month-names")), locale);
		}

		String monthDay(int day) {
			return day > 0 ? say("schedule.monthday", day) : nth(day, anyDay(), anyDay());
		}

		String monthDate(Month month, int day) {
			return DateTimeFormatter.ofPattern(text("schedule.month-date"), locale).format(LocalDate.of(2000, month, day));
		}

		String date(LocalDate date) {
			return DateTimeFormatter.ofPattern(text("schedule.date"), locale).format(date);
		}

		String time(LocalDateTime at) {
			return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(at);
		}

		/** "first Mon", "last day", or with no word for that ordinal, "Mon no. 7". */
		String nth(int n, String counted, String countedAlone) {
			// Blank: the language has no word for it (and must not borrow the base file's).
			String ordinal = texts.getMessage("ordinal." + n, null, null, locale);
			if (ordinal != null && !ordinal.isBlank()) {
				return say("schedule.nth", ordinal, counted);
			}
			return say(n > 0 ? "schedule.nth.number" : "schedule.nth.number-from-end", Math.abs(n), countedAlone);
		}

		String and(List<String> parts) {
			return join(parts, "list.and");
		}

		String or(List<String> parts) {
			return join(parts, "list.or");
		}

		private String join(List<String> parts, String code) {
			if (parts.size() <= 1) {
				return parts.isEmpty() ? "" : parts.get(0);
			}
			String head = String.join(text("list.separator"), parts.subList(0, parts.size() - 1));
			return say(code, head, parts.get(parts.size() - 1));
		}

		String capitalised(String sentence) {
			return sentence.isEmpty() ? sentence
					: sentence.substring(0, 1).toUpperCase(locale) + sentence.substring(1);
		}
	}
}
