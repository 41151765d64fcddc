package org.reconnect.routines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantStatus;
import org.reconnect.participants.QuietHours;
import org.reconnect.participants.ResponsivenessSettings;
import org.reconnect.routines.Routine.Outcome;

/** The late and quiet rules of one due start, decided at a moment of the clock. */
class RoutineDecisionTests {

	private static final ZoneId ZONE = ZoneId.of("America/Chicago");

	private static final Duration LATE = Duration.ofHours(3);

	private static final QuietHours QUIET = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

	@Test
	void onTimeItStartsAndTheClaimMovesToTheNextOccurrence() {
		Routine routine = due("2030-03-09T17:00");
		RoutineDecision decision = decide(routine, "2030-03-09T17:00:30", "2030-03-16T17:00", ParticipantStatus.ACTIVE);
		assertThat(decision.outcome()).isEqualTo(Outcome.STARTED);
		assertThat(decision.nextStartAt()).isEqualTo(local("2030-03-16T17:00"));
	}

	@Test
	void inQuietHoursItWaitsForTheirEndButIsSkippedWhenItsNextTimeComesFirst() {
		Routine late = due("2030-03-09T22:00");
		RoutineDecision held = decide(late, "2030-03-09T22:00", "2030-03-16T22:00", ParticipantStatus.ACTIVE);
		assertThat(held.outcome()).isEqualTo(Outcome.DEFERRED_QUIET_HOURS);
		assertThat(held.nextStartAt()).isEqualTo(local("2030-03-10T08:00"));

		Routine nightly = due("2030-03-09T22:00");
		RoutineDecision skipped = decide(nightly, "2030-03-09T22:00", "2030-03-10T07:00", ParticipantStatus.ACTIVE);
		assertThat(skipped.outcome()).isEqualTo(Outcome.SKIPPED_QUIET_HOURS);
		assertThat(skipped.nextStartAt()).isEqualTo(local("2030-03-10T07:00"));
	}

	@Test
	void pastTheLateLimitItIsSkippedAndWhilePausedNothingStarts() {
		assertThat(decide(due("2030-03-09T10:00"), "2030-03-09T13:00:01", "2030-03-16T10:00", ParticipantStatus.ACTIVE)
			.outcome()).isEqualTo(Outcome.SKIPPED_TOO_LATE);
		assertThat(decide(due("2030-03-09T10:00"), "2030-03-09T12:59", "2030-03-16T10:00", ParticipantStatus.ACTIVE)
			.outcome()).isEqualTo(Outcome.STARTED_LATE);
		assertThat(decide(due("2030-03-09T10:00"), "2030-03-09T10:00", "2030-03-16T10:00", ParticipantStatus.PAUSED)
			.outcome()).isEqualTo(Outcome.NOT_STARTED_INACTIVE);
	}

	@Test
	void notYetDueOrTurnedOffIsNotDecided() {
		assertThat(decide(due("2030-03-09T10:00"), "2030-03-09T09:59", "2030-03-16T10:00", ParticipantStatus.ACTIVE))
			.isNull();
		Routine off = due("2030-03-09T10:00");
		off.on = false;
		assertThat(decide(off, "2030-03-09T10:00", "2030-03-16T10:00", ParticipantStatus.ACTIVE)).isNull();
	}

	@Test
	void aRoutineOfAFlowNotMadeToRecurStartsNothingAndSaysSoAtEachOfItsTimes() {
		RoutineDecision decision = decide(due("2030-03-09T17:00"), "2030-03-09T17:00", "2030-03-16T17:00",
				ParticipantStatus.ACTIVE, false);
		assertThat(decision.outcome()).isEqualTo(Outcome.NOT_STARTED_NOT_ROUTINE);
		assertThat(decision.starting()).isFalse();
		assertThat(decision.nextStartAt()).as("it comes round again, and says so again").isEqualTo(local("2030-03-16T17:00"));
	}

	private static RoutineDecision decide(Routine routine, String now, String next, ParticipantStatus status) {
		return decide(routine, now, next, status, true);
	}

	private static RoutineDecision decide(Routine routine, String now, String next, ParticipantStatus status,
			boolean flowRecurs) {
		ParticipantProfile participant = new ParticipantProfile(new ParticipantId("p1"), "Ana Ruiz", "+12025550100", ZONE,
				LocalTime.of(9, 0), "en", status, "coach", Instant.EPOCH, null, new ResponsivenessSettings(Duration.ofHours(24), 2, false), QUIET);
		return RoutineDecision.decide(routine, local(now), participant, QUIET,
				ZonedDateTime.of(LocalDateTime.parse(next), ZONE), LATE, true, flowRecurs);
	}

	private static Routine due(String local) {
		Routine routine = new Routine();
		routine.id = "r1";
		routine.flow = "weekly-reflection";
		routine.planNext(ZonedDateTime.of(LocalDateTime.parse(local), ZONE));
		return routine;
	}

	private static Instant local(String local) {
		return LocalDateTime.parse(local).atZone(ZONE).toInstant();
	}
}
