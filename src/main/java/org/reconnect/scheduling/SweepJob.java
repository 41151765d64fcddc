package org.reconnect.scheduling;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.reconnect.escalation.EscalationService;
import org.reconnect.flows.ConversationRuntime;

/**
 * Looks for deadlines that passed: waits that timed out, check-ins past their expiry, then pauses that ended
 * and escalation steps that fell due (claimed from MongoDB one atomic update each, never one
 * trigger per participant).
 */
@DisallowConcurrentExecution
class SweepJob implements Job {

	private final ConversationRuntime conversations;
	private final EscalationService escalation;

	SweepJob(ConversationRuntime conversations, EscalationService escalation) {
		this.conversations = conversations;
		this.escalation = escalation;
	}

	@Override
	public void execute(JobExecutionContext context) {
		conversations.timeoutsDue();
		conversations.expireDue();
		escalation.sweep();
	}
}
