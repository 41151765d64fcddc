package org.reconnect.scheduling;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Scheduling's meters:
 * <ul>
 * <li>{@code reconnect.checkins.fired}: check-ins claimed when their slot fired, by
 * {@code outcome} (sent, not_sent, skipped_too_late);</li>
 * <li>{@code reconnect.fire.lag}: see {@link FireLag};</li>
 * <li>{@code reconnect.handoffs.recovered}: check-ins and reminders a stopped node left claimed and
 * another finished, by {@code kind}.</li>
 * </ul>
 */
@Component
class SchedulingMeters {

	private final MeterRegistry registry;

	SchedulingMeters(MeterRegistry registry) {
		this.registry = registry;
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
}
