package org.reconnect.system;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The Quartz store in readiness: this node's scheduler runs (not in standby, not shut down) and
 * its job store answers a query. A node whose scheduler does not run still serves requests, but
 * fires nothing: OUT_OF_SERVICE. A store that cannot be read: DOWN.
 */
@Component("quartzHealthIndicator")
class QuartzHealthIndicator extends AbstractHealthIndicator {

	private final Scheduler scheduler;

	QuartzHealthIndicator(Scheduler scheduler) {
		super("Quartz health check failed");
		this.scheduler = scheduler;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws SchedulerException {
		SchedulerMetaData meta = scheduler.getMetaData();
		// A read through the job store: on PostgreSQL, a query of the trigger table.
		int triggerGroups = scheduler.getTriggerGroupNames().size();
		if (scheduler.isShutdown()) {
			builder.down().withDetail("state", "shut down");
		}
		else if (!scheduler.isStarted() || scheduler.isInStandbyMode()) {
			builder.outOfService().withDetail("state", "standby");
		}
		else {
			builder.up().withDetail("state", "running");
		}
		builder.withDetail("scheduler", meta.getSchedulerName())
			.withDetail("clustered", meta.isJobStoreClustered())
			.withDetail("persistent", meta.isJobStoreSupportsPersistence())
			.withDetail("triggerGroups", triggerGroups);
	}
}
