package org.reconnect.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnect.proof.Harness.say;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * Two nodes, one store: N check-ins due in the same minute (10,000 by default,
 * {@code -Dproof.checkins}) go out exactly once although the node sending them is killed with
 * SIGKILL in the middle (and started again, as an orchestrator would); then every participant's
 * reply, posted alternately to both nodes as signed Twilio webhooks, is answered exactly once.
 */
class TwoNodesProof {

	static final String CHECK_IN = "it's check-in time";
	static final String CRAVINGS = "Any cravings today?";

	@Test
	void everyCheckInGoesOnceAcrossAKilledNodeAndEveryReplyIsAnsweredOnce() throws Exception {
		int checkIns = Harness.number("proof.checkins", 10_000);
		try (Harness run = Harness.start(2, "--logging.level.org.reconnect.proof=INFO")) {
			Instant due = run.enrolDueSoon(0, checkIns);

			// The minute comes; kill the node that is sending once about a third has gone.
			AppNode victim = null;
			int[] before = new int[2];
			while (victim == null) {
				Thread.sleep(200);
				int a = checkInsSent(run.twilios.get(0));
				int b = checkInsSent(run.twilios.get(1));
				if (a + b >= checkIns / 3) {
					int killed = (a - before[0]) >= (b - before[1]) ? 0 : 1;
					victim = run.nodes.get(killed);
					victim.kill();
					say("kill -9 %s (pid %d) with %,d check-ins sent by node-a and %,d by node-b, %s after the minute",
							victim.name, victim.pid(), a, b, Duration.between(due, Instant.now()));
				}
				before[0] = a;
				before[1] = b;
			}
			Instant killedAt = Instant.now();
			int sentByVictim = checkInsSent(run.twilios.get(run.nodes.indexOf(victim)));
			AppNode restarted = run.restart(victim);
			say("%s serving again after %s", restarted.name, Duration.between(killedAt, Instant.now()));

			run.awaitNumbers(CHECK_IN, checkIns, Duration.ofMinutes(10));
			Instant lastCheckIn = run.sent().stream().filter(s -> s.body().contains(CHECK_IN)).map(FakeTwilio.Sent::at)
				.max(Instant::compareTo).orElseThrow();
			say("Last check-in out %s after the minute", Duration.between(due, lastCheckIn));

			// Replies, alternately to both nodes: each is answered with the next question, once.
			Instant replying = Instant.now();
			ExecutorService pool = Executors.newFixedThreadPool(8);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < checkIns; i++) {
				int n = i;
				answers.add(pool.submit(() -> run.nodes.get(n % 2).inbound("SMproofreply" + n, Harness.phone(n), "4")
					.statusCode()));
			}
			Map<Integer, Long> statuses = new TreeMap<>();
			for (Future<Integer> answer : answers) {
				statuses.merge(answer.get(), 1L, Long::sum);
			}
			pool.shutdown();
			Duration posting = Duration.between(replying, Instant.now());
			say("%,d replies posted in %s (%.0f a second), answers %s", checkIns, posting,
					checkIns * 1000.0 / posting.toMillis(), statuses);
			assertThat(statuses).containsOnlyKeys(200);
			run.awaitNumbers(CRAVINGS, checkIns, Duration.ofMinutes(5));

			// Anything the killed node had claimed comes back after the outbox lease (2 minutes):
			// wait past it before counting, so a late duplicate would be seen.
			Duration settle = Duration.between(Instant.now(), killedAt.plus(Duration.ofMinutes(2)).plusSeconds(20));
			if (!settle.isNegative()) {
				say("Waiting %s (past the outbox lease of the killed node's claims) before counting", settle);
				Thread.sleep(settle.toMillis());
			}
			Map<String, Long> checkInsPerNumber = run.perNumber(CHECK_IN);
			Map<String, Long> answersPerNumber = run.perNumber(CRAVINGS);
			long lostCheckIns = checkIns - checkInsPerNumber.size();
			long duplicateCheckIns = checkInsPerNumber.values().stream().filter(n -> n > 1).count();
			long duplicateAnswers = answersPerNumber.values().stream().filter(n -> n > 1).count();
			say("RESULT check-ins: %,d numbers reached, %d lost, %d duplicated; %,d sent by %s before it was killed",
					checkInsPerNumber.size(), lostCheckIns, duplicateCheckIns, sentByVictim, victim.name);
			say("RESULT look-backs (entries taken over from the killed node, checked with Twilio before sending): %d",
					run.twilios.stream().mapToLong(FakeTwilio::lookBacks).sum());
			say("RESULT replies: %,d answered, %d unanswered, %d answered twice", answersPerNumber.size(),
					checkIns - answersPerNumber.size(), duplicateAnswers);
			assertThat(checkInsPerNumber).hasSize(checkIns).allSatisfy((number, count) -> assertThat(count).isOne());
			assertThat(checkInsPerNumber.keySet()).allMatch(number -> number.startsWith("+1202"));
			assertThat(answersPerNumber).hasSize(checkIns).allSatisfy((number, count) -> assertThat(count).isOne());
		}
	}

	static int checkInsSent(FakeTwilio twilio) {
		return (int) twilio.sent().stream().filter(s -> s.body().contains(CHECK_IN)).count();
	}
}
