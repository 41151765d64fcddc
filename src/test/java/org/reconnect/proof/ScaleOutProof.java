package org.reconnect.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnect.proof.Harness.say;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;

/**
 * What a second node adds (issue 22): the same work on one node, then on two, in one run, on the
 * same kind of stores (a fresh PostgreSQL and MongoDB-wire server each time). Two figures each:
 * check-in hand-offs per second (the minute comes with {@code -Dproof.checkins} check-ins due, 3,000;
 * counted from the due minute to the last check-in message in the outbox) and signed inbound
 * webhooks per second (every participant answers "4", spread evenly over the nodes,
 * {@code -Dproof.clients} at once, 16). Prints both side by side with the machine's load; asserts
 * only that all the work was done, because the ratio depends on the machine's cores.
 */
class ScaleOutProof {

	record Figures(double handOffsPerSecond, Duration handOffs, double webhooksPerSecond, double loadAtStart) {
	}

	@Test
	void aSecondNodeAddsThroughput() throws Exception {
		int checkIns = Harness.number("proof.checkins", 3_000);
		Figures one = run(1, checkIns);
		Figures two = run(2, checkIns);
		say("RESULT check-in hand-offs: one node %.0f/s (%s), two nodes %.0f/s (%s): %.2f times", one.handOffsPerSecond,
				one.handOffs, two.handOffsPerSecond, two.handOffs, two.handOffsPerSecond / one.handOffsPerSecond);
		say("RESULT inbound webhooks: one node %.0f/s, two nodes %.0f/s: %.2f times", one.webhooksPerSecond,
				two.webhooksPerSecond, two.webhooksPerSecond / one.webhooksPerSecond);
		say("RESULT load average at each start: %.1f, %.1f; %d cores", one.loadAtStart, two.loadAtStart,
				Runtime.getRuntime().availableProcessors());
	}

	private static Figures run(int nodeCount, int checkIns) throws Exception {
		double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		try (Harness run = Harness.start(nodeCount)) {
			Instant due = run.enrolDueSoon(0, checkIns);
			assertThat(run.awaitNumbers(TwoNodesProof.CHECK_IN, checkIns, Duration.ofMinutes(10))).isTrue();
			// the hand-off ends when the check-in is in the outbox; sending is the outbox's (and Twilio's) pace
			Instant last = Instant.EPOCH;
			for (Document message : run.store().getCollection("messages")
				.find(Filters.and(Filters.eq("purpose", "CHECK_IN"), Filters.gte("createdAt", Date.from(due))))) {
				Instant created = message.getDate("createdAt").toInstant();
				last = created.isAfter(last) ? created : last;
			}
			Duration handOffs = Duration.between(due, last);

			int clients = Harness.number("proof.clients", 16);
			ExecutorService pool = Executors.newFixedThreadPool(clients);
			Instant posting = Instant.now();
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < checkIns; i++) {
				int n = i;
				answers.add(pool.submit(() -> run.nodes.get(n % nodeCount)
					.inbound("SMscaleout" + nodeCount + "x" + n, Harness.phone(n), "4")
					.statusCode()));
			}
			Map<Integer, Long> statuses = new TreeMap<>();
			for (Future<Integer> answer : answers) {
				statuses.merge(answer.get(), 1L, Long::sum);
			}
			Duration took = Duration.between(posting, Instant.now());
			pool.shutdown();
			assertThat(statuses).containsOnlyKeys(200);
			Figures figures = new Figures(checkIns * 1000.0 / Math.max(1, handOffs.toMillis()), handOffs,
					checkIns * 1000.0 / Math.max(1, took.toMillis()), load);
			say("%d node(s): %,d check-ins handed off in %s after the minute (%.0f/s); %,d webhooks in %s (%.0f/s)",
					nodeCount, checkIns, handOffs, figures.handOffsPerSecond, checkIns, took, figures.webhooksPerSecond);
			return figures;
		}
	}
}
