package org.reconnect.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnect.proof.Harness.say;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The Quartz database (PostgreSQL) unreachable for 30 seconds ({@code -Dproof.outage}) around the
 * minute a check-in slot falls due, on two nodes: nothing goes while it is down, every check-in
 * goes exactly once when it is back, and the slot's trigger is moved on to the next day.
 */
class QuartzOutageProof {

	@Test
	void schedulingPausesAndResumesWithNothingFiredTwice() throws Exception {
		Duration outage = Harness.duration("proof.outage", "PT30S");
		int people = Harness.number("proof.checkins", 500);
		try (Harness run = Harness.start(2)) {
			Instant due = run.enrolDueSoon(0, people);
			Instant cut = due.minusSeconds(10);
			Thread.sleep(Math.max(0, Duration.between(Instant.now(), cut).toMillis()));
			run.postgresProxy.cut();
			say("PostgreSQL cut 10 s before the check-in minute, for %s", outage);
			Thread.sleep(outage.toMillis());
			int duringOutage = run.perNumber(TwoNodesProof.CHECK_IN).size();
			run.postgresProxy.restore();
			Instant restored = Instant.now();
			say("PostgreSQL back; %d check-ins went while it was down", duringOutage);

			assertThat(run.awaitNumbers(TwoNodesProof.CHECK_IN, people, Duration.ofMinutes(5))).isTrue();
			Instant last = run.sent().stream().filter(s -> s.body().contains(TwoNodesProof.CHECK_IN))
				.map(FakeTwilio.Sent::at).max(Instant::compareTo).orElseThrow();
			Thread.sleep(20_000); // a second firing of the slot would show by now
			Map<String, Long> checkIns = run.perNumber(TwoNodesProof.CHECK_IN);
			long twice = checkIns.values().stream().filter(n -> n > 1).count();
			Instant nextFire = nextSlotFire(run);
			say("RESULT %,d of %,d check-ins sent, %d twice, %d during the outage; all out %s after PostgreSQL came back",
					checkIns.size(), people, twice, duringOutage, Duration.between(restored, last));
			say("RESULT the slot's trigger next fires at %s (due was %s)", nextFire, due);
			for (AppNode node : run.nodes) {
				say("RESULT %s serving after the outage: %d", node.name, node.get("/actuator/health/serving").statusCode());
			}

			assertThat(duringOutage).isZero();
			assertThat(checkIns).hasSize(people).allSatisfy((number, count) -> assertThat(count).isOne());
			assertThat(nextFire).isEqualTo(due.plus(Duration.ofDays(1)));
			for (AppNode node : run.nodes) {
				assertThat(node.get("/actuator/health/serving").statusCode()).isEqualTo(200);
			}
		}
	}

	/** The check-in slot trigger's next fire time, read from Quartz's own table. */
	private static Instant nextSlotFire(Harness run) throws Exception {
		try (Connection connection = run.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select next_fire_time from qrtz_triggers where trigger_group = 'check-in-slots'")) {
			assertThat(rows.next()).isTrue();
			return Instant.ofEpochMilli(rows.getLong(1));
		}
	}
}
