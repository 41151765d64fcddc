package org.reconnect.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code reconnect.fire.lag}: from a check-in's or reminder's due time to its hand-off to the
 * conversation and the outbox, by {@code kind} (check-in, reminder); a histogram, so p99 can be
 * read across nodes.
 */
@Component
public class FireLag {

	private final MeterRegistry registry;
	private final Clock clock;

	FireLag(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	/** Records how late a hand-off is, now, against when it was due. */
	public void handingOff(String kind, Instant dueAt) {
		Duration lag = Duration.between(dueAt, clock.instant());
		Timer.builder("reconnect.fire.lag")
			.description("From due time to hand-off")
			.tag("kind", kind)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofHours(2))
			.register(registry)
			.record(lag.isNegative() ? Duration.ZERO : lag);
	}
}
