package org.reconnect.scheduling;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Fires a check-in slot: hands the due participants to the flows, then moves the trigger on. */
@DisallowConcurrentExecution
class CheckInSlotJob implements Job {

	private final CheckInSlots slots;

	CheckInSlotJob(CheckInSlots slots) {
		this.slots = slots;
	}

	@Override
	public void execute(JobExecutionContext context) {
		slots.fire(context.getMergedJobDataMap().getString(Triggers.SLOT));
	}
}
