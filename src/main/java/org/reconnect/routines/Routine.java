package org.reconnect.routines;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One flow on a recurrence for one participant: the definition (the truth the minute triggers are
 * derived from), whether it is on, and the one start that is next due. A fire claims that start
 * by moving it on in one conditional update of this document, so it starts once across nodes.
 * A participant has at most one routine per flow.
 */
@Document("routines")
@CompoundIndex(name = "participant_flow", def = "{'participantId': 1, 'flow': 1}", unique = true)
// The sweep looks for starts left pending longer than the lease.
@CompoundIndex(name = "pending", def = "{'pending.claimedAt': 1}", sparse = true)
class Routine {

	/** What became of one planned start: recorded for every decision. */
	enum Outcome {
		STARTED, STARTED_LATE, STARTED_AFTER_QUIET_HOURS, WAITING_FOR_OPEN_CONVERSATION, NOT_DELIVERED,
		DEFERRED_QUIET_HOURS, SKIPPED_QUIET_HOURS, SKIPPED_TOO_LATE, SKIPPED_SUPERSEDED, NOT_STARTED_INACTIVE,
		NOT_STARTED_NO_FLOW,
		/** Its flow is loaded but not one a routine may start (no {@code routine: true}): set before that was checked. */
		NOT_STARTED_NOT_ROUTINE;

		boolean starting() {
			return this == STARTED || this == STARTED_LATE || this == STARTED_AFTER_QUIET_HOURS;
		}
	}

	/** Who set a routine up: the organisation's default at enrolment, a coach for one person, or for a caseload. */
	enum Origin {
		ENROLMENT, COACH, CASELOAD
	}

	/** One decided start: the occurrence's local date-time, when it was planned and decided, and what became of it. */
	record Start(String occurrence, Instant plannedAt, Instant decidedAt, Outcome outcome) {
	}

	/**
	 * A claimed start, recorded by the claim itself, so that a node stopped before the flow started
	 * leaves it to be finished by another (see {@code RoutineEngine.recover}).
	 */
	record Pending(String occurrence, Instant plannedAt, Outcome outcome, String token, Instant claimedAt) {
	}

	@Id
	String id;

	@Indexed
	String participantId;

	String flow;

	/** The first occurrence, local to the participant's zone (read in their zone now, so it follows a move). */
	String start;

	/** RFC 5545 RRULE without the prefix. */
	String rule;

	boolean on = true;

	Origin origin;

	String createdBy;

	Instant createdAt;

	/** When the next start is due (after any quiet-hours deferral); null when off or nothing is left. */
	@Indexed
	Instant nextStartAt;

	/** When the next start was planned (its occurrence); late and superseded are judged by this. */
	Instant nextPlannedAt;

	/** The next occurrence's local date-time. */
	String nextOccurrence;

	boolean nextDeferred;

	List<Start> starts = new ArrayList<>();

	/** The token of the hand-off batch that last claimed the next start (see {@code DueClaims}). */
	String claimedBy;

	/** The start claimed and not yet handed to the flows module; cleared with its record. */
	Pending pending;

	@Version
	Long version;

	LocalDateTime startLocal() {
		return LocalDateTime.parse(start);
	}

	/** Points the routine at its next planned start, or at nothing. */
	void planNext(java.time.ZonedDateTime next) {
		nextStartAt = next == null ? null : next.toInstant();
		nextPlannedAt = nextStartAt;
		nextOccurrence = next == null ? null : next.toLocalDateTime().toString();
		nextDeferred = false;
	}
}
