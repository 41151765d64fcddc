package org.reconnect.escalation;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

/**
 * What an operator is paged for: crisis notices nobody has acknowledged yet.
 * <ul>
 * <li>{@code reconnect.notices.open} ({@code kind} crisis): how many wait;</li>
 * <li>{@code reconnect.notices.open.age} ({@code kind} crisis): how long the oldest has waited, 0 when none.</li>
 * </ul>
 * Read from the store at each scrape, so every node reports the same figures (alert rules take the max).
 */
@Component
class OpenNoticeMeters {

	private static final String CRISIS = "CRISIS";

	private final CoachNotices notices;
	private final Clock clock;

	OpenNoticeMeters(MeterRegistry registry, CoachNotices notices, Clock clock) {
		this.notices = notices;
		this.clock = clock;
		Gauge.builder("reconnect.notices.open", this, meters -> meters.notices.countByKindAndAcknowledgedAtIsNull(CRISIS))
			.description("Crisis notices nobody has acknowledged yet")
			.tag("kind", "crisis")
			.register(registry);
		TimeGauge.builder("reconnect.notices.open.age", this, TimeUnit.MILLISECONDS, OpenNoticeMeters::oldestCrisisAge)
			.description("How long the oldest unacknowledged crisis notice has waited")
			.tag("kind", "crisis")
			.register(registry);
	}

	private double oldestCrisisAge() {
		return notices.findFirstByKindAndAcknowledgedAtIsNullOrderByAtAsc(CRISIS)
			.map(notice -> Math.max(0, Duration.between(notice.at(), clock.instant()).toMillis()))
			.orElse(0L);
	}
}
