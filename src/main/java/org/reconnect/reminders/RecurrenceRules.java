package org.reconnect.reminders;

import java.time.temporal.Temporal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

import org.reconnect.system.InvalidInput.FieldProblem;
import org.springframework.context.MessageSourceResolvable;

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
	static MessageSourceResolvable examples() {
		return FieldProblem.words("problem.rule.examples");
	}

	private static final Set<Frequency> MORE_THAN_DAILY = Set.of(Frequency.SECONDLY, Frequency.MINUTELY, Frequency.HOURLY);

	private static final List<String> TIME_OF_DAY = List.of("BYHOUR", "BYMINUTE", "BYSECOND");

	private static final List<String> BY_PARTS = List.of("BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY",
			"BYYEARDAY", "BYWEEKNO", "BYMONTH");

	private RecurrenceRules() {
	}

	/**
	 * What is wrong with the rule (without its {@code RRULE:} prefix), saying what to send instead,
	 * as the field {@code rule}'s problem; null when ical4j may read it.
	 */
	static FieldProblem problem(String rule) {
		Map<String, String> parts = new HashMap<>();
		for (String part : rule.split(";")) {
			if (part.isBlank()) {
				continue;
			}
			int equals = part.indexOf('=');
			if (equals <= 0) {
				return refused("problem.rule.part", part);
			}
			String name = part.substring(0, equals).trim().toUpperCase(Locale.ROOT);
			if (parts.put(name, part.substring(equals + 1).trim().toUpperCase(Locale.ROOT)) != null) {
				return refused("problem.rule.twice", name);
			}
		}
		if (!parts.containsKey("FREQ")) {
			return refused("problem.rule.no-freq");
		}
		if (parts.containsKey("COUNT") && parts.containsKey("UNTIL")) {
			return refused("problem.rule.count-and-until");
		}
		for (String positive : List.of("COUNT", "INTERVAL")) {
			FieldProblem problem = positive(positive, parts.get(positive));
			if (problem != null) {
				return problem;
			}
		}
		for (String part : TIME_OF_DAY) {
			if (parts.containsKey(part)) {
				return refused("problem.rule.time-of-day", part);
			}
		}
		Recur<Temporal> recur;
		try {
			recur = new Recur<>(rule);
		}
		catch (RuntimeException ex) {
			return refused("problem.rule.unreadable", ex.getMessage());
		}
		if (MORE_THAN_DAILY.contains(recur.getFrequency())) {
			return refused("problem.rule.more-than-daily");
		}
		return combination(recur.getFrequency(), parts);
	}

	/** COUNT and INTERVAL are positive integers (RFC 5545 3.3.10). */
	private static FieldProblem positive(String name, String value) {
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
		return refused(name.equals("COUNT") ? "problem.rule.count" : "problem.rule.interval", value);
	}

	/** The parts RFC 5545's table (3.3.10) allows with each frequency, and BYDAY's numbers. */
	private static FieldProblem combination(Frequency frequency, Map<String, String> parts) {
		if (parts.containsKey("BYWEEKNO") && frequency != Frequency.YEARLY) {
			return refused("problem.rule.byweekno");
		}
		if (parts.containsKey("BYYEARDAY") && frequency != Frequency.YEARLY) {
			return refused("problem.rule.byyearday");
		}
		if (parts.containsKey("BYMONTHDAY") && frequency == Frequency.WEEKLY) {
			return refused("problem.rule.bymonthday-weekly");
		}
		String byDay = parts.get("BYDAY");
		boolean numbered = byDay != null && byDay.matches(".*\\d.*");
		if (numbered && frequency != Frequency.MONTHLY && frequency != Frequency.YEARLY) {
			return refused("problem.rule.byday-number", byDay);
		}
		if (numbered && parts.containsKey("BYWEEKNO")) {
			return refused("problem.rule.byday-number-byweekno");
		}
		if (parts.containsKey("BYSETPOS") && BY_PARTS.stream().noneMatch(parts::containsKey)) {
			return refused("problem.rule.bysetpos");
		}
		return null;
	}

	/** The rule refused with {@code code}'s words: its values, then the examples of what to send instead. */
	private static FieldProblem refused(String code, Object... values) {
		Object[] arguments = java.util.Arrays.copyOf(values, values.length + 1);
		arguments[values.length] = examples();
		return FieldProblem.of("rule", code, arguments);
	}
}
