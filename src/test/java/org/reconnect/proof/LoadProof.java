package org.reconnect.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnect.proof.Harness.say;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.reconnect.proof.InboundDriver.Answer;
import org.reconnect.proof.InboundDriver.Message;

/**
 * Load: signed inbound webhooks at a steady rate ({@code -Dproof.rate}, 50 a second) for 10
 * minutes ({@code -Dproof.load}) on two nodes, while two groups of check-ins fire (at the first
 * minute and half way). Prints throughput, latency, errors, and each node's heap and CPU for the
 * first and the last minute side by side; asserts no errors.
 */
class LoadProof {

	/** What participants write: check-in answers, follow-ups, and things no conversation expects. */
	private static final List<String> BODIES = List.of("4", "no", "2", "yes", "thanks", "HELP", "3", "fine today");

	/** One sample of one node. */
	record Sample(Instant at, String node, AppNode.Sample values) {
	}

	@Test
	void steadyInboundTrafficWithCheckInsFiringHasNoErrorsAndNoSlowLeak() throws Exception {
		Duration load = Harness.duration("proof.load", "PT10M");
		double rate = Harness.number("proof.rate", 50);
		int people = Harness.number("proof.people", 2000);
		try (Harness run = Harness.start(2)) {
			ZoneId zone = Harness.afternoonZone();
			ZonedDateTime first = ZonedDateTime.now(zone)
				.plus(Duration.ofMillis(45_000 + people * Harness.number("proof.enrol-ms", 20)))
				.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
			LocalTime halfWay = first.plus(load.dividedBy(2)).truncatedTo(ChronoUnit.MINUTES).toLocalTime();
			run.enrol(0, people / 2, zone, first.toLocalTime());
			run.enrol(people / 2, people, zone, halfWay);
			say("%,d participants; check-ins at %s and %s %s", people, first.toLocalTime(), halfWay, zone);
			// the load starts half a minute before the first check-ins fall due
			Thread.sleep(Math.max(0, Duration.between(Instant.now(), first.toInstant().minusSeconds(30)).toMillis()));

			List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
			ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
			sampler.scheduleAtFixedRate(() -> run.nodes.forEach(node -> {
				try {
					samples.add(new Sample(Instant.now(), node.name, node.sample()));
				}
				catch (RuntimeException ex) {
					say("sample of %s failed: %s", node.name, ex);
				}
			}), 0, 5, TimeUnit.SECONDS);
			Instant started = Instant.now();
			say("Inbound webhooks at %.0f a second for %s", rate, load);
			List<Answer> answers = new InboundDriver(run).drive(rate, load,
					i -> new Message("SMload" + i, Harness.phone(i % people), BODIES.get((i / people) % BODIES.size())));
			Instant ended = Instant.now();
			sampler.shutdown();
			sampler.awaitTermination(10, TimeUnit.SECONDS);

			Duration minute = Duration.ofMinutes(1).compareTo(load) < 0 ? Duration.ofMinutes(1) : load.dividedBy(2);
			Window head = window(answers, samples, started, started.plus(minute));
			Window tail = window(answers, samples, ended.minus(minute), ended);
			long errors = answers.stream().filter(a -> a.status() != 200).count();
			say("RESULT %,d webhooks in %s: %.1f a second, p50 %.0f ms, p99 %.0f ms, errors %d %s", answers.size(),
					Duration.between(started, ended), answers.size() * 1000.0 / Duration.between(started, ended).toMillis(),
					InboundDriver.percentile(answers, 0.5), InboundDriver.percentile(answers, 0.99), errors,
					InboundDriver.statuses(answers));
			say("RESULT %-28s %-34s %-34s", "", "first " + minute.toSeconds() + " s", "last " + minute.toSeconds() + " s");
			say("RESULT %-28s %-34s %-34s", "webhooks a second", String.format("%.1f", head.perSecond),
					String.format("%.1f", tail.perSecond));
			say("RESULT %-28s %-34s %-34s", "latency p50 / p99 (ms)", String.format("%.0f / %.0f", head.p50, head.p99),
					String.format("%.0f / %.0f", tail.p50, tail.p99));
			say("RESULT %-28s %-34s %-34s", "errors", head.errors, tail.errors);
			for (AppNode node : run.nodes) {
				say("RESULT %-28s %-34s %-34s", node.name + " heap used (MB)", head.heap(node.name), tail.heap(node.name));
				say("RESULT %-28s %-34s %-34s", node.name + " live after GC (MB)", head.live(node.name), tail.live(node.name));
				say("RESULT %-28s %-34s %-34s", node.name + " process CPU (%)", head.cpu(node.name), tail.cpu(node.name));
			}
			say("RESULT check-ins sent: %,d of %,d", run.perNumber(TwoNodesProof.CHECK_IN).size(), people);

			assertThat(errors).isZero();
		}
	}

	/** The figures of one stretch of the run. */
	record Window(double perSecond, double p50, double p99, long errors, List<Sample> samples) {

		String heap(String node) {
			return mean(node, s -> s.heapUsed() / 1_048_576) + " MB avg";
		}

		String live(String node) {
			return mean(node, s -> s.liveData() / 1_048_576) + " MB avg";
		}

		String cpu(String node) {
			return mean(node, s -> s.cpu() * 100) + " % avg";
		}

		private String mean(String node, java.util.function.ToDoubleFunction<AppNode.Sample> value) {
			return String.format("%.0f", samples.stream().filter(s -> s.node().equals(node))
				.mapToDouble(s -> value.applyAsDouble(s.values())).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN));
		}
	}

	private static Window window(List<Answer> answers, List<Sample> samples, Instant from, Instant to) {
		List<Answer> in = answers.stream().filter(a -> !a.at().isBefore(from) && a.at().isBefore(to)).toList();
		List<Sample> sampled = samples.stream().filter(s -> !s.at().isBefore(from) && !s.at().isAfter(to)).toList();
		return new Window(in.size() * 1000.0 / Duration.between(from, to).toMillis(), InboundDriver.percentile(in, 0.5),
				InboundDriver.percentile(in, 0.99), in.stream().filter(a -> a.status() != 200).count(), sampled);
	}
}
