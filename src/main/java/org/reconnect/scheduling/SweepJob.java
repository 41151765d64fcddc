package org.reconnect.scheduling;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Looks for deadlines that passed: waits that timed out, check-ins past their expiry, then pauses that ended
 * and escalation steps that fell due (claimed from MongoDB one atomic update each, never one
 * trigger per participant); and for reminders still due, a backstop for a reminder fire cut short
 * when its node stopped.
 */
@DisallowConcurrentExecution
class SweepJob implements Job {

	private final DueWork due;

	SweepJob(DueWork due) {
		this.due = due;
	}

	@Override
	public void execute(JobExecutionContext context) {
		due.sweep();
	}
}
