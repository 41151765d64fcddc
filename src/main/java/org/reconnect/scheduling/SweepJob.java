package org.reconnect.scheduling;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.reconnect.escalation.EscalationService;
import org.reconnect.flows.ConversationRuntime;

/**
 * Looks for deadlines that passed: waits that timed out, check-ins past their expiry, then pauses that ended
 * and escalation steps that fell due (claimed from MongoDB one atomic update each, never one
 * trigger per participant); and for reminders still due, a backstop for a reminder fire cut short
 * when its node stopped.
 */
@DisallowConcurrentExecution
class SweepJob implements Job {

	private final ConversationRuntime conversations;
	private final EscalationService escalation;
	private final ReminderEngine reminders;

	SweepJob(ConversationRuntime conversations, EscalationService escalation, ReminderEngine reminders) {
		this.conversations = conversations;
		this.escalation = escalation;
		this.reminders = reminders;
	}

	@Override
	public void execute(JobExecutionContext context) {
		conversations.timeoutsDue();
		conversations.expireDue();
		escalation.sweep();
		reminders.fireDue();
	}
}
