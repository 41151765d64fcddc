package org.reconnect.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Scheduling's meters:
 * <ul>
 * <li>{@code reconnect.checkins.fired}: check-ins claimed when their slot fired, by
 * {@code outcome} (sent, not_sent, skipped_too_late);</li>
 * <li>{@code reconnect.fire.lag}: from a check-in's or reminder's due time to its hand-off to the
 * conversation and the outbox, by {@code kind} (check-in, reminder); a histogram, so p99 can be
 * read across nodes;</li>
 * <li>{@code reconnect.handoffs.recovered}: check-ins and reminders a stopped node left claimed and
 * another finished, by {@code kind}.</li>
 * </ul>
 */
@Component
class SchedulingMeters {

	private final MeterRegistry registry;
	private final Clock clock;

	SchedulingMeters(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	void checkInFired(CheckInSchedule.Outcome outcome) {
		Counter.builder("reconnect.checkins.fired")
			.description("Check-ins claimed when their slot fired")
			.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
			.register(registry)
			.increment();
	}

	void recovered(String kind, int count) {
		Counter.builder("reconnect.handoffs.recovered")
			.description("Claimed hand-offs a stopped node left pending, finished by another")
			.tag("kind", kind)
			.register(registry)
			.increment(count);
	}

	/** Records how late a hand-off is, now, against when it was due. */
	void handingOff(String kind, Instant dueAt) {
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
