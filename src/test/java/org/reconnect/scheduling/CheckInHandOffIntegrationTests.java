package org.reconnect.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reconnect.DueWorkTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;

import tools.jackson.databind.JsonNode;

/**
 * The batches in which due check-ins are claimed and handed over, through the whole app: two
 * nodes firing one slot, a batch with a paused participant and one that cannot start, and the
 * hand-offs a stopped node left pending, finished once by the sweep.
 */
class CheckInHandOffIntegrationTests extends DueWorkTestBase {

	@Autowired
	CheckInSlots slots;

	@BeforeEach
	void reset() {
		clock.set(START);
	}

	@Test
	void twoNodesFiringOneCheckInSlotStartEachCheckInOnce() throws Exception {
		List<String> phones = List.of("+12025550351", "+12025550352", "+12025550353", "+12025550354", "+12025550355",
				"+12025550356");
		List<String> ids = new ArrayList<>();
		for (String phone : phones) {
			ids.add(enrol("Slot " + phone.substring(9), phone, "America/Denver", "en", "13:40"));
		}
		clock.set(Instant.parse("2030-03-04T20:40:00Z")); // 13:40 MST

		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> started = nodes.invokeAll(List.<java.util.concurrent.Callable<Integer>>of(() -> {
				together.await();
				return slots.fire("America/Denver@13:40");
			}, () -> {
				together.await();
				return slots.fire("America/Denver@13:40");
			}));
			assertThat(started.get(0).get() + started.get(1).get()).isEqualTo(phones.size());
		}
		finally {
			nodes.shutdown();
		}
		for (String phone : phones) {
			assertThat(checkInsTo(phone)).as(phone).hasSize(1);
		}
		for (String id : ids) {
			CheckInSchedule schedule = mongo.findById(id, CheckInSchedule.class);
			assertThat(schedule.lastOutcome).isEqualTo(CheckInSchedule.Outcome.SENT);
			assertThat(schedule.nextDueAt).as("tomorrow").isEqualTo(Instant.parse("2030-03-05T20:40:00Z"));
		}
	}

	@Test
	void inOneCheckInBatchAPausedParticipantIsNotSentAndOneThatCannotStartStaysDue() throws Exception {
		String active = enrol("Fay Ward", "+12025550361", "America/Edmonton", "en", "13:50");
		String paused = enrol("Gil Ward", "+12025550362", "America/Edmonton", "en", "13:50");
		assertThat(coach().postForEntity("/api/participants/" + paused + "/pause", Map.of("until", "2030-04-01T00:00:00Z"),
				JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		Instant due = Instant.parse("2030-03-04T20:50:00Z"); // 13:50 MST
		// A schedule left behind by a participant who is gone: its check-in cannot start.
		CheckInSchedule orphan = CheckInSchedule.of("gone-participant", java.time.ZoneId.of("America/Edmonton"),
				java.time.LocalTime.of(13, 50), due);
		mongo.insert(orphan);
		try {
			clock.set(due);
			assertThat(slots.fire("America/Edmonton@13:50")).isEqualTo(1);

			assertThat(checkInsTo("+12025550361")).hasSize(1);
			assertThat(mongo.findById(active, CheckInSchedule.class).lastOutcome).isEqualTo(CheckInSchedule.Outcome.SENT);
			assertThat(checkInsTo("+12025550362")).isEmpty();
			assertThat(mongo.findById(paused, CheckInSchedule.class).lastOutcome)
				.isEqualTo(CheckInSchedule.Outcome.NOT_SENT);
			CheckInSchedule stuck = mongo.findById("gone-participant", CheckInSchedule.class);
			assertThat(stuck.nextDueAt).as("still due").isEqualTo(due);
			assertThat(stuck.lastOutcome).isNull();
		}
		finally {
			mongo.remove(orphan);
		}
	}

	@Test
	void checkInsClaimedByANodeThatStoppedAreSentOnceByTheSweepAfterTheLease() throws Exception {
		List<String> phones = List.of("+12025550371", "+12025550372", "+12025550373");
		List<String> ids = new ArrayList<>();
		for (String phone : phones) {
			ids.add(enrol("Halt " + phone.substring(9), phone, "America/Regina", "en", "13:20"));
		}
		Instant due = Instant.parse("2030-03-04T19:20:00Z"); // 13:20 CST
		clock.set(due);
		fireAndStop("America/Regina@13:20");
		for (String id : ids) {
			CheckInSchedule claimed = mongo.findById(id, CheckInSchedule.class);
			assertThat(claimed.nextDueAt).as("claimed: due tomorrow").isEqualTo(due.plus(java.time.Duration.ofDays(1)));
			assertThat(claimed.pending.dueAt()).isEqualTo(due);
		}
		assertThat(slots.fire("America/Regina@13:20")).as("a fire does not take another's claim").isZero();

		clock.set(due.plus(java.time.Duration.ofSeconds(119)));
		assertThat(dueWork.sweep().checkIns()).as("within the lease the node may still be at work").isZero();
		phones.forEach(phone -> assertThat(checkInsTo(phone)).as(phone).isEmpty());

		clock.set(due.plus(java.time.Duration.ofMinutes(3)));
		assertThat(dueWork.sweep().checkIns()).isEqualTo(phones.size());
		assertThat(dueWork.sweep().checkIns()).as("finished once").isZero();
		for (String phone : phones) {
			assertThat(checkInsTo(phone)).as(phone).hasSize(1);
		}
		for (String id : ids) {
			CheckInSchedule schedule = mongo.findById(id, CheckInSchedule.class);
			assertThat(schedule.lastOutcome).isEqualTo(CheckInSchedule.Outcome.SENT);
			assertThat(schedule.lastDueAt).isEqualTo(due);
			assertThat(schedule.pending).as("cleared").isNull();
		}
	}

	@Test
	void aPendingCheckInWhoseQuestionWasAlreadyWrittenIsNotSentAgain() throws Exception {
		String written = enrol("Ivy Stone", "+12025550374", "America/Regina", "en", "13:25");
		String unwritten = enrol("Jay Stone", "+12025550375", "America/Regina", "en", "13:25");
		Instant due = Instant.parse("2030-03-04T19:25:00Z");
		clock.set(due);
		fireAndStop("America/Regina@13:25");
		// The node had written one check-in's conversation and question before it stopped.
		CheckInSchedule pending = mongo.findById(written, CheckInSchedule.class);
		assertThat(conversations.startCheckIns(List.of(new org.reconnect.flows.CheckInStart(
				new org.reconnect.participants.ParticipantId(written), pending.pending.conversationId()))))
			.containsValue(java.util.Optional.of(pending.pending.conversationId()));
		assertThat(checkInsTo("+12025550374")).hasSize(1);

		clock.set(due.plus(java.time.Duration.ofMinutes(3)));
		assertThat(slots.recover()).isEqualTo(2);

		assertThat(checkInsTo("+12025550374")).as("not sent twice").hasSize(1);
		assertThat(checkInsTo("+12025550375")).hasSize(1);
		assertThat(mongo.findById(written, CheckInSchedule.class).lastOutcome).isEqualTo(CheckInSchedule.Outcome.SENT);
		assertThat(mongo.findById(unwritten, CheckInSchedule.class).lastOutcome).isEqualTo(CheckInSchedule.Outcome.SENT);
		assertThat(conversations.open(new org.reconnect.participants.ParticipantId(written)).orElseThrow().queued())
			.as("not queued behind its own conversation either").isEmpty();
	}

	@Test
	void aPendingCheckInFoundAfterTheLateLimitIsRecordedSkippedAndNotSent() throws Exception {
		String id = enrol("Kai Stone", "+12025550376", "America/Regina", "en", "13:30");
		Instant due = Instant.parse("2030-03-04T19:30:00Z");
		clock.set(due);
		fireAndStop("America/Regina@13:30");

		clock.set(due.plus(java.time.Duration.ofHours(3))); // the late limit is 2h
		assertThat(slots.recover()).isEqualTo(1);

		assertThat(checkInsTo("+12025550376")).isEmpty();
		CheckInSchedule schedule = mongo.findById(id, CheckInSchedule.class);
		assertThat(schedule.lastOutcome).isEqualTo(CheckInSchedule.Outcome.SKIPPED_TOO_LATE);
		assertThat(schedule.pending).isNull();
	}

	@Test
	void twoSweepsRacingTakeEachPendingCheckInOverOnce() throws Exception {
		List<String> phones = List.of("+12025550381", "+12025550382", "+12025550383", "+12025550384", "+12025550385");
		for (String phone : phones) {
			enrol("Race " + phone.substring(9), phone, "America/Regina", "en", "13:35");
		}
		Instant due = Instant.parse("2030-03-04T19:35:00Z");
		clock.set(due);
		fireAndStop("America/Regina@13:35");
		clock.set(due.plus(java.time.Duration.ofMinutes(3)));

		assertThat(racing(slots::recover)).isEqualTo(phones.size());
		for (String phone : phones) {
			assertThat(checkInsTo(phone)).as(phone).hasSize(1);
		}
	}

	/** Fires the slot on a "node" that stops right after its claim. */
	private void fireAndStop(String slot) {
		slots.afterClaim = () -> {
			throw new Stopped();
		};
		try {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> slots.fire(slot)).isInstanceOf(Stopped.class);
		}
		finally {
			slots.afterClaim = () -> {
			};
		}
	}
}
