package org.reconnect.messaging;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

/**
 * Messaging's meters. Tags are small closed sets (channel, purpose, an error code); never a
 * number, an id or a text.
 * <ul>
 * <li>{@code reconnect.messages.sent}: attempts the channel accepted;</li>
 * <li>{@code reconnect.messages.failed}: attempts it did not, by {@code error} (Twilio's code, or
 * {@code unreachable}) and whether the error is one that is tried again ({@code retryable}: network
 * errors, 429, 5xx, up to the outbox's max-attempts);</li>
 * <li>{@code reconnect.messages.undelivered}: accepted messages Twilio later reported undelivered
 * or failed, by {@code error};</li>
 * <li>{@code reconnect.outbox.backlog} ({@code state} due or retrying) and
 * {@code reconnect.outbox.backlog.age}: see {@link Backlog}.</li>
 * </ul>
 */
@Component
class MessagingMeters {

	/** One snapshot serves the gauges of one scrape. */
	private static final long SNAPSHOT_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final MeterRegistry registry;
	private final Outbox outbox;
	private final Clock clock;
	private volatile Backlog snapshot;
	private volatile long snapshotAt;

	MessagingMeters(MeterRegistry registry, Outbox outbox, Clock clock) {
		this.registry = registry;
		this.outbox = outbox;
		this.clock = clock;
		Gauge.builder("reconnect.outbox.backlog", this, meters -> meters.backlog().due())
			.description("Outbox entries whose turn has come, not sent yet")
			.tag("state", "due")
			.register(registry);
		Gauge.builder("reconnect.outbox.backlog", this, meters -> meters.backlog().retrying())
			.description("Outbox entries waiting to be tried again after a failed attempt")
			.tag("state", "retrying")
			.register(registry);
		TimeGauge.builder("reconnect.outbox.backlog.age", this, TimeUnit.MILLISECONDS,
				meters -> meters.backlog().oldestDueAge().toMillis())
			.description("How long the oldest due outbox entry has waited")
			.register(registry);
	}

	void sent(MessageRecord record) {
		Counter.builder("reconnect.messages.sent")
			.description("Messages the channel accepted")
			.tag("channel", channel(record))
			.tag("purpose", purpose(record))
			.register(registry)
			.increment();
	}

	void failed(MessageRecord record, String error, boolean retryable) {
		Counter.builder("reconnect.messages.failed")
			.description("Send attempts the channel did not accept")
			.tag("channel", channel(record))
			.tag("purpose", purpose(record))
			.tag("error", error == null ? "unknown" : error)
			.tag("retryable", Boolean.toString(retryable))
			.register(registry)
			.increment();
	}

	void undelivered(String error) {
		Counter.builder("reconnect.messages.undelivered")
			.description("Accepted messages reported undelivered or failed")
			.tag("error", error == null || error.isBlank() ? "unknown" : error)
			.register(registry)
			.increment();
	}

	private Backlog backlog() {
		long now = System.nanoTime();
		Backlog last = snapshot;
		if (last == null || now - snapshotAt > SNAPSHOT_NANOS) {
			last = outbox.backlog(clock.instant());
			snapshot = last;
			snapshotAt = now;
		}
		return last;
	}

	private static String channel(MessageRecord record) {
		return record.channel == null ? "sms" : record.channel.name().toLowerCase(Locale.ROOT);
	}

	private static String purpose(MessageRecord record) {
		return record.purpose == null ? "none" : record.purpose.name().toLowerCase(Locale.ROOT);
	}
}
