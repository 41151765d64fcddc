package org.reconnect.scheduling;

import java.util.List;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Fires the {@link TimedWork} (reminders) due in a minute; its class name is kept in the Quartz
 * store, so it keeps its name. Not exclusive: fires on several nodes may overlap, and
 * each due reminder is claimed by one of them.
 */
class ReminderJob implements Job {

	private final List<TimedWork> timed;

	ReminderJob(List<TimedWork> timed) {
		this.timed = timed;
	}

	@Override
	public void execute(JobExecutionContext context) {
		timed.forEach(TimedWork::fireDue);
	}
}
