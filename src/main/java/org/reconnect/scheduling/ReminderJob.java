package org.reconnect.scheduling;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Fires the reminders due in a minute. Not exclusive: fires on several nodes may overlap, and
 * each due reminder is claimed by one of them.
 */
class ReminderJob implements Job {

	private final ReminderEngine engine;

	ReminderJob(ReminderEngine engine) {
		this.engine = engine;
	}

	@Override
	public void execute(JobExecutionContext context) {
		engine.fireDue();
	}
}
