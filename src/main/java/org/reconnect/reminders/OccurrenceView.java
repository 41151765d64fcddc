package org.reconnect.reminders;

import java.time.Instant;
import java.util.List;

/**
 * One occurrence of a meeting, in its local time.
 *
 * @param local the local date-time, yyyy-MM-ddTHH:mm; skip or move an occurrence by its {@code key}
 * @param key the occurrence's original local date-time (differs from {@code local} when moved)
 * @param words plain words, e.g. "Tue, Mar 12, 2030 at 7:00 PM"
 * @param quietHours its texts that fall due in the participant's quiet hours, and what will become of each
 */
public record OccurrenceView(String key, String local, String timeZone, Instant at, String words,
		List<QuietSend> quietHours) {

	public OccurrenceView(String key, String local, String timeZone, Instant at, String words) {
		this(key, local, timeZone, at, words, List.of());
	}

	/**
	 * A text of this occurrence due in the participant's quiet hours.
	 *
	 * @param plannedAt when it falls due
	 * @param outcome what the reminder's quiet-hours choice makes of it: SENT_IN_QUIET_HOURS,
	 * DEFERRED_QUIET_HOURS (it goes at {@code goesAt}, when quiet hours end) or SKIPPED_QUIET_HOURS
	 * @param goesAt when it goes; null when it is left out
	 * @param words the same in plain words, e.g. "The text at Tue 6:00 AM falls in their quiet hours: it goes anyway."
	 */
	public record QuietSend(Lead lead, Instant plannedAt, String outcome, Instant goesAt, String words) {
	}
}
