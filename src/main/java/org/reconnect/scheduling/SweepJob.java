package org.reconnect.scheduling;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.reconnect.flows.ConversationRuntime;

/** Looks for deadlines that passed: waits that timed out, conversations past their expiry. */
@DisallowConcurrentExecution
class SweepJob implements Job {

	private final ConversationRuntime conversations;

	SweepJob(ConversationRuntime conversations) {
		this.conversations = conversations;
	}

	@Override
	public void execute(JobExecutionContext context) {
		conversations.timeoutsDue();
		conversations.expireDue();
	}
}
