package org.reconnect.routines;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.QuietHours;
import org.reconnect.routines.Routine.Outcome;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What becomes of one due start of a routine, and the claim that records it, by the rule for
 * late and quiet starts (decided at the moment of starting and recorded either way): of several
 * starts that are all due (after downtime) only the last may happen; a start more than the late
 * limit after its time is skipped; one due inside the participant's quiet hours happens when they
 * end, unless the next start comes first. Whether it then starts now, waits behind an open
 * conversation or is refused by the daily cap is the flow's and the outbox's to say.
 *
 * @param claim the update that moves the routine on to {@code nextStartAt}, its next start
 */
record RoutineDecision(Routine routine, ParticipantProfile participant, String occurrence, Instant plannedAt,
		Outcome outcome, Update claim, Instant nextStartAt) {

	/** How many start records a routine keeps. */
	static final int KEPT_RECORDS = 20;

	/** A start this much after its time is late (a fire takes a moment). */
	private static final Duration ON_TIME = Duration.ofMinutes(2);

	boolean starting() {
		return outcome.starting();
	}

	/**
	 * Decides a due start; null when it is not due (any more).
	 *
	 * @param next the occurrence after the due one, in the participant's zone; null when none
	 * @param quiet the participant's quiet hours (their own, else the organisation's)
	 * @param flowLoaded whether the routine's flow is loaded now
	 * @param flowRecurs whether that flow is one a routine may start ({@code routine: true})
	 */
	static RoutineDecision decide(Routine routine, Instant now, ParticipantProfile participant, QuietHours quiet,
			ZonedDateTime next, Duration lateLimit, boolean flowLoaded, boolean flowRecurs) {
		// A cursor may hand back a document claimed by another thread since the query matched it.
		if (!routine.on || routine.nextStartAt == null || routine.nextStartAt.isAfter(now) || routine.pending != null) {
			return null;
		}
		Instant nextAt = next == null ? null : next.toInstant();
		Outcome outcome;
		Instant deferTo = null;
		if (nextAt != null && !nextAt.isAfter(now)) {
			outcome = Outcome.SKIPPED_SUPERSEDED;
		}
		else if (now.isAfter(routine.nextStartAt.plus(lateLimit))) {
			outcome = Outcome.SKIPPED_TOO_LATE;
		}
		else if (participant == null || !participant.active()) {
			outcome = Outcome.NOT_STARTED_INACTIVE;
		}
		else if (!flowLoaded) {
			outcome = Outcome.NOT_STARTED_NO_FLOW;
		}
		else if (!flowRecurs) {
			outcome = Outcome.NOT_STARTED_NOT_ROUTINE;
		}
		else if (quiet.contains(now, participant.zone())) {
			Instant end = quiet.endAfter(now, participant.zone());
			if (!routine.nextDeferred && (nextAt == null || end.isBefore(nextAt))) {
				outcome = Outcome.DEFERRED_QUIET_HOURS;
				deferTo = end;
			}
			else {
				outcome = Outcome.SKIPPED_QUIET_HOURS;
			}
		}
		else {
			outcome = routine.nextDeferred ? Outcome.STARTED_AFTER_QUIET_HOURS
					: now.isAfter(routine.nextPlannedAt.plus(ON_TIME)) ? Outcome.STARTED_LATE : Outcome.STARTED;
		}
		Update claim = new Update().inc("version", 1);
		Instant nextStartAt;
		if (deferTo != null) {
			claim.set("nextStartAt", deferTo).set("nextDeferred", true);
			nextStartAt = deferTo;
		}
		else if (next == null) {
			claim.unset("nextStartAt").unset("nextPlannedAt").unset("nextOccurrence").set("nextDeferred", false);
			nextStartAt = null;
		}
		else {
			claim.set("nextStartAt", nextAt).set("nextPlannedAt", nextAt)
				.set("nextOccurrence", next.toLocalDateTime().toString()).set("nextDeferred", false);
			nextStartAt = nextAt;
		}
		RoutineDecision decision = new RoutineDecision(routine, participant, routine.nextOccurrence,
				routine.nextPlannedAt, outcome, claim, nextStartAt);
		if (!decision.starting()) {
			claim.push("starts").slice(-KEPT_RECORDS).each(decision.record(now, outcome));
		}
		return decision;
	}

	/** A start taken over from a stopped node, to go now. */
	static RoutineDecision startNow(Routine routine, ParticipantProfile participant, Outcome outcome) {
		return new RoutineDecision(routine, participant, routine.pending.occurrence(), routine.pending.plannedAt(), outcome,
				null, null);
	}

	/** The pending mark of a start that is to go, recorded by its claim until the flow has started. */
	Routine.Pending pending(String token, Instant now) {
		return new Routine.Pending(occurrence, plannedAt, outcome, token, now);
	}

	Routine.Start record(Instant now, Outcome what) {
		return new Routine.Start(occurrence, plannedAt, now, what);
	}

	/** Records {@code what} in the routine's recent starts. */
	Update recording(Instant now, Outcome what) {
		return new Update().push("starts").slice(-KEPT_RECORDS).each(record(now, what));
	}
}
