package org.reconnect.reminders;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The reminders' recurrence for other modules' schedules (a coach's routines): the same RFC 5545
 * checks ({@link RecurrenceRules}), the same ical4j expansion in a zone across daylight-saving
 * changes ({@link ReminderPlan}) and the same plain words ({@link RuleWords}), so a schedule reads
 * and repeats exactly as a reminder's does.
 */
@Component
public class Recurrences {

	private final RuleWords words;

	Recurrences(RuleWords words) {
		this.words = words;
	}

	/**
	 * What is wrong with an RFC 5545 rule (without {@code RRULE:}), saying what to send instead, as
	 * the field {@code rule}'s problem; null when none.
	 */
	public org.reconnect.system.InvalidInput.FieldProblem problem(String rule) {
		return RecurrenceRules.problem(rule);
	}

	/**
	 * The occurrences of {@code rule} from the local {@code start} in {@code zone} that fall strictly
	 * after {@code after}, at most {@code limit}, in order; with no rule, {@code start} alone.
	 */
	public List<ZonedDateTime> after(ZoneId zone, LocalDateTime start, String rule, Instant after, int limit) {
		return ReminderPlan.occurrences(zone, start, rule, List.of(), List.of(), after, null, limit)
			.stream()
			.map(ReminderPlan.Occurrence::start)
			.toList();
	}

	/** The schedule in plain words in the reader's language ("Every Sun at 5:00 PM"). */
	public String describe(String rule, LocalDateTime start, ZoneId zone, Locale locale) {
		return words.describe(rule, start, zone, List.of(), locale);
	}

	/** One occurrence's local date and time in words ("Sun, Mar 17, 2030 at 5:00 PM"). */
	public String occurrence(LocalDateTime at, Locale locale) {
		return words.occurrence(at, locale);
	}
}
