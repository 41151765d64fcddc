package org.reconnect.reminders;

import java.util.List;

/**
 * A reminder as it would be, before it is stored.
 *
 * @param description the schedule in plain words, e.g. "Every Tue at 7:00 PM"
 * @param timeZone the meeting's zone
 * @param next the next occurrences from now, in the meeting's local time
 */
public record ReminderPreview(String description, String timeZone, List<OccurrenceView> next) {
}
