package org.reconnect.reminders;

import java.util.List;
import java.util.Locale;

import org.reconnect.system.InvalidInput.FieldProblem;

/**
 * What a reminder does when one of its texts falls due inside the participant's quiet hours, as
 * the coach chose it for that reminder. The choice is made when the text falls due, so it never
 * moves a send earlier: a coach who wants the evening before adds that lead time instead.
 */
public enum InQuietHours {

	/** It waits until quiet hours end, and is left out if the meeting has begun by then (the default). */
	WAIT,

	/** It is left out: the other lead times are enough. */
	SKIP,

	/** It goes at its time all the same: the participant asked for it (an early shift, a 7:00 appointment). */
	SEND_ANYWAY;

	/** WAIT when absent; any case is accepted (send_anyway); else a problem naming the choices. */
	static InQuietHours parse(String raw, List<FieldProblem> problems) {
		if (raw == null || raw.isBlank()) {
			return WAIT;
		}
		try {
			return valueOf(raw.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(FieldProblem.of("inQuietHours", "problem.reminder.in-quiet-hours", raw));
			return null;
		}
	}
}
