package org.reconnect.reminders;

import java.time.temporal.Temporal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * Checks a reminder's RFC 5545 recurrence rule before ical4j reads it. ical4j 4.4 reads some rules
 * RFC 5545 (3.3.10) forbids without a word, each as something else: {@code COUNT=0} or a negative
 * count as no count (endless), {@code INTERVAL=0} or {@code -5} as 1, a part given twice as its
 * last value, COUNT with UNTIL as both. Those are refused here, and so is what makes a reminder
 * fire more than daily by mistake: SECONDLY, MINUTELY or HOURLY, and BYHOUR, BYMINUTE or BYSECOND
 * (a reminder's time of day is its start's). A rule with no occurrence at all is refused where its
 * occurrences are computed ({@link ReminderService}).
 */
final class RecurrenceRules {

	/** What to send instead, in every refusal. */
	static final String EXAMPLES = "send one such as FREQ=WEEKLY;BYDAY=TU,TH or FREQ=MONTHLY;BYDAY=1MO or "
			+ "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;COUNT=10";

	private static final Set<Frequency> MORE_THAN_DAILY = Set.of(Frequency.SECONDLY, Frequency.MINUTELY, Frequency.HOURLY);

	private static final List<String> TIME_OF_DAY = List.of("BYHOUR", "BYMINUTE", "BYSECOND");

	private static final List<String> BY_PARTS = List.of("BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY",
			"BYYEARDAY", "BYWEEKNO", "BYMONTH");

	private RecurrenceRules() {
	}

	/**
	 * What is wrong with the rule (without its {@code RRULE:} prefix), saying what to send instead;
	 * null when ical4j may read it.
	 */
	static String problem(String rule) {
		Map<String, String> parts = new HashMap<>();
		for (String part : rule.split(";")) {
			if (part.isBlank()) {
				continue;
			}
			int equals = part.indexOf('=');
			if (equals <= 0) {
				return "'" + part + "' is not a NAME=VALUE part of a recurrence rule: " + EXAMPLES;
			}
			String name = part.substring(0, equals).trim().toUpperCase(Locale.ROOT);
			if (parts.put(name, part.substring(equals + 1).trim().toUpperCase(Locale.ROOT)) != null) {
				return "gives " + name + " twice; RFC 5545 allows each part once (ical4j would keep only the last): " + EXAMPLES;
			}
		}
		if (!parts.containsKey("FREQ")) {
			return "has no FREQ: " + EXAMPLES;
		}
		if (parts.containsKey("COUNT") && parts.containsKey("UNTIL")) {
			return "gives both COUNT and UNTIL; RFC 5545 allows one of them: " + EXAMPLES;
		}
		for (String positive : List.of("COUNT", "INTERVAL")) {
			String problem = positive(positive, parts.get(positive));
			if (problem != null) {
				return problem;
			}
		}
		for (String part : TIME_OF_DAY) {
			if (parts.containsKey(part)) {
				return "gives " + part + ", but a reminder's time of day is its start's: leave " + part
						+ " out, and make one reminder for each time of day; " + EXAMPLES;
			}
		}
		Recur<Temporal> recur;
		try {
			recur = new Recur<>(rule);
		}
		catch (RuntimeException ex) {
			return "is not an RFC 5545 recurrence rule (" + ex.getMessage() + "): " + EXAMPLES;
		}
		if (MORE_THAN_DAILY.contains(recur.getFrequency())) {
			return "repeats more often than daily: use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY; " + EXAMPLES;
		}
		return combination(recur.getFrequency(), parts);
	}

	/** COUNT and INTERVAL are positive integers (RFC 5545 3.3.10). */
	private static String positive(String name, String value) {
		if (value == null) {
			return null;
		}
		try {
			if (Integer.parseInt(value) >= 1) {
				return null;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		return "gives " + name + "=" + value + ", but " + name + " is a whole number from 1"
				+ (name.equals("COUNT") ? " (leave COUNT out for no end)" : " (leave INTERVAL out for every time)") + ": " + EXAMPLES;
	}

	/** The parts RFC 5545's table (3.3.10) allows with each frequency, and BYDAY's numbers. */
	private static String combination(Frequency frequency, Map<String, String> parts) {
		if (parts.containsKey("BYWEEKNO") && frequency != Frequency.YEARLY) {
			return "gives BYWEEKNO, which RFC 5545 allows only with FREQ=YEARLY: " + EXAMPLES;
		}
		if (parts.containsKey("BYYEARDAY") && frequency != Frequency.YEARLY) {
			return "gives BYYEARDAY, which RFC 5545 allows only with FREQ=YEARLY: " + EXAMPLES;
		}
		if (parts.containsKey("BYMONTHDAY") && frequency == Frequency.WEEKLY) {
			return "gives BYMONTHDAY with FREQ=WEEKLY, which RFC 5545 does not allow: use FREQ=MONTHLY;BYMONTHDAY=3, or "
					+ EXAMPLES;
		}
		String byDay = parts.get("BYDAY");
		boolean numbered = byDay != null && byDay.matches(".*\\d.*");
		if (numbered && frequency != Frequency.MONTHLY && frequency != Frequency.YEARLY) {
			return "gives BYDAY=" + byDay + " with a number, which RFC 5545 allows only with FREQ=MONTHLY or YEARLY "
					+ "(1MO is the first Monday of the month): " + EXAMPLES;
		}
		if (numbered && parts.containsKey("BYWEEKNO")) {
			return "gives BYDAY with a number beside BYWEEKNO, which RFC 5545 does not allow: " + EXAMPLES;
		}
		if (parts.containsKey("BYSETPOS") && BY_PARTS.stream().noneMatch(parts::containsKey)) {
			return "gives BYSETPOS without another BY part for it to pick from: " + EXAMPLES;
		}
		return null;
	}
}
