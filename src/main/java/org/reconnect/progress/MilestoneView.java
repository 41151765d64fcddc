package org.reconnect.progress;

import java.time.Instant;
import java.util.List;

/**
 * A milestone a participant reached, as a coach sees it.
 *
 * @param kind FIRST_CHECK_IN, DAYS_TAKING_PART, CONNECTED_WEEK or BACK_AFTER_QUIET_SPELL
 * @param days the days of taking part, or the days they connected that week; 0 otherwise
 * @param day the participant's local date
 * @param notes the participant's sentence and any ally's note, with what became of each
 */
public record MilestoneView(String kind, int days, String day, Instant reachedAt, List<NoteView> notes) {

	/**
	 * @param to "participant" or "ally:<id>"
	 * @param status PENDING, SENDING or DONE
	 * @param outcome once done: SENT, QUEUED, ... or NO_CONSENT, NOT_SHARED, STALE, INACTIVE
	 */
	public record NoteView(String to, String status, String outcome, Instant decidedAt) {
	}
}
