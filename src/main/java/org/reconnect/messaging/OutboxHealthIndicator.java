package org.reconnect.messaging;

import java.time.Clock;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The outbox in readiness: OUT_OF_SERVICE (not DOWN: nothing is broken on this node, messages
 * wait safely) when the oldest due message has waited longer than allowed or too many wait.
 * The backlog is shared by every node, so the proxy routes on the {@code serving} group, which
 * leaves it out: taking nodes out of rotation would not send a message sooner.
 */
@Component("outboxHealthIndicator")
class OutboxHealthIndicator extends AbstractHealthIndicator {

	private final Outbox outbox;
	private final BacklogSettings limits;
	private final Clock clock;

	OutboxHealthIndicator(Outbox outbox, BacklogSettings limits, Clock clock) {
		super("Outbox backlog check failed");
		this.outbox = outbox;
		this.limits = limits;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Backlog backlog = outbox.backlog(clock.instant());
		builder.status(backlog.within(limits) ? Status.UP : Status.OUT_OF_SERVICE)
			.withDetail("due", backlog.due())
			.withDetail("retrying", backlog.retrying())
			.withDetail("oldestDueAge", backlog.oldestDueAge().toString())
			.withDetail("maxDueAge", limits.maxDueAge().toString())
			.withDetail("maxWaiting", limits.maxWaiting());
	}
}
