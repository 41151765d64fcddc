package org.reconnect.reminders;

import java.time.Instant;

/**
 * One occurrence of a meeting, in its local time.
 *
 * @param local the local date-time, yyyy-MM-ddTHH:mm; skip or move an occurrence by its {@code key}
 * @param key the occurrence's original local date-time (differs from {@code local} when moved)
 * @param words plain words, e.g. "Tue, Mar 12, 2030 at 7:00 PM"
 */
public record OccurrenceView(String key, String local, String timeZone, Instant at, String words) {
}
