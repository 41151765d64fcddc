package org.reconnect.routines;

import java.time.Instant;
import java.util.List;

/**
 * A routine as a coach sees it, in the coach's language.
 *
 * @param flow the flow it starts, e.g. {@code weekly-reflection}
 * @param rule its RFC 5545 rule; {@code time} the local time it starts at in the participant's zone
 * @param startable false when its flow is not loaded, or is not one a routine may start (its file lacks
 * {@code routine: true}, e.g. a routine set before that was checked): it starts nothing, and can only be taken away
 * @param description the schedule in plain words, e.g. "Every Sun at 5:00 PM"
 * @param origin who set it up: ENROLMENT (the organisation's default), COACH, or CASELOAD (for a whole caseload)
 * @param nextStartAt when it next starts (after quiet hours, when it waits for them); null when off
 * @param nextStart that time in words, in the participant's zone
 * @param recent what became of its last starts, newest last
 */
public record RoutineView(String id, String flow, String rule, String time, boolean on, boolean startable, String description,
		String origin, Instant nextStartAt, String nextStart, List<StartView> recent) {

	/**
	 * @param occurrence the local date-time it was due
	 * @param outcome STARTED, STARTED_LATE, STARTED_AFTER_QUIET_HOURS, WAITING_FOR_OPEN_CONVERSATION,
	 * NOT_DELIVERED (the daily cap, or refused), DEFERRED_QUIET_HOURS, SKIPPED_QUIET_HOURS,
	 * SKIPPED_TOO_LATE, SKIPPED_SUPERSEDED, NOT_STARTED_INACTIVE, NOT_STARTED_NO_FLOW or NOT_STARTED_NOT_ROUTINE
	 */
	public record StartView(String occurrence, Instant decidedAt, String outcome) {
	}
}
