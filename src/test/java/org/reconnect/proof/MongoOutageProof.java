package org.reconnect.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnect.proof.Harness.say;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.proof.InboundDriver.Answer;
import org.reconnect.proof.InboundDriver.Message;

/**
 * MongoDB unreachable for 30 seconds ({@code -Dproof.outage}) while participants answer their
 * check-ins at a steady rate ({@code -Dproof.rate}, 10 a second) on two nodes. Twilio is
 * answered 200 for what was recorded and 503 with Retry-After, quickly, for what was not; once
 * MongoDB is back, the refused messages are sent again (as Twilio's retry would) and every
 * answer, accepted or re-sent, is processed exactly once.
 */
class MongoOutageProof {

	@Test
	void acceptedMessagesAreProcessedOnceAndRefusedOnesOnceWhenSentAgain() throws Exception {
		Duration outage = Harness.duration("proof.outage", "PT30S");
		double rate = Harness.number("proof.rate", 10);
		Duration before = Duration.ofSeconds(20);
		Duration after = Duration.ofSeconds(20);
		Duration traffic = before.plus(outage).plus(after);
		int people = (int) Math.round(rate * traffic.toSeconds());
		try (Harness run = Harness.start(2)) {
			run.enrolDueSoon(0, people);
			assertThat(run.awaitNumbers(TwoNodesProof.CHECK_IN, people, Duration.ofMinutes(5))).isTrue();

			say("Replies at %.0f a second for %s; MongoDB cut after %s for %s", rate, traffic, before, outage);
			Thread cutter = new Thread(() -> {
				try {
					Thread.sleep(before.toMillis());
					run.mongoProxy.cut();
					say("MongoDB cut");
					Thread.sleep(outage.toMillis());
					run.mongoProxy.restore();
					say("MongoDB back");
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			cutter.start();
			List<Answer> answers = new InboundDriver(run).drive(rate, traffic,
					i -> new Message("SMmongo" + i, Harness.phone(i), "4"));
			cutter.join();

			List<Answer> accepted = answers.stream().filter(a -> a.status() == 200).toList();
			List<Answer> refused = answers.stream().filter(a -> a.status() != 200).toList();
			say("RESULT Twilio was answered %s: %,d accepted, %,d refused", InboundDriver.statuses(answers),
					accepted.size(), refused.size());
			say("RESULT latency accepted p50 %.0f ms, p99 %.0f ms; refused p50 %.0f ms, max %.0f ms; Retry-After %s",
					InboundDriver.percentile(accepted, 0.5), InboundDriver.percentile(accepted, 0.99),
					InboundDriver.percentile(refused, 0.5), InboundDriver.percentile(refused, 1.0),
					refused.stream().map(Answer::retryAfter).distinct().toList());

			// Twilio's retry of each refused message (same MessageSid), and a repeat of some accepted ones.
			List<Answer> resent = refused.stream()
				.map(a -> InboundDriver.post(a.index(), a.message(), run.nodes.get((a.index() + 1) % 2)))
				.toList();
			List<Answer> repeats = accepted.stream().limit(20)
				.map(a -> InboundDriver.post(a.index(), a.message(), run.nodes.get((a.index() + 1) % 2)))
				.toList();
			say("RESULT refused messages sent again: %s; accepted ones repeated: %s", InboundDriver.statuses(resent),
					InboundDriver.statuses(repeats));

			run.awaitNumbers(TwoNodesProof.CRAVINGS, people, Duration.ofMinutes(2));
			Thread.sleep(10_000); // time for a late duplicate to show
			Map<String, Long> answered = run.perNumber(TwoNodesProof.CRAVINGS);
			long twice = answered.values().stream().filter(n -> n > 1).count();
			say("RESULT %,d of %,d replies processed (answered), %d answered twice", answered.size(), people, twice);
			for (Answer a : answers) {
				long times = answered.getOrDefault(a.message().from(), 0L);
				if (times != 1) {
					say("RESULT %s answered %d times; first post: %d after %d ms at %s", a.message().sid(), times,
							a.status(), a.nanos() / 1_000_000, a.at());
				}
			}

			assertThat(refused).as("refused in the outage: 503 with Retry-After, well inside Twilio's 15 s")
				.allSatisfy(a -> {
					assertThat(a.status()).isEqualTo(503);
					assertThat(a.retryAfter()).isNotNull();
					assertThat(a.nanos()).isLessThan(Duration.ofSeconds(15).toNanos());
				});
			assertThat(resent).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
			assertThat(repeats).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
			assertThat(answered).hasSize(people).allSatisfy((number, count) -> assertThat(count).isOne());
		}
	}
}
