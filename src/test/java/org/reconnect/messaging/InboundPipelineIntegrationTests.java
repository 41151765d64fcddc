package org.reconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reconnect.LoopTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.ClassUtils;

/** The running application's pipeline: every step filled by the handler of the module that owns it. */
class InboundPipelineIntegrationTests extends LoopTestSupport {

	@Autowired
	InboundPipeline pipeline;

	@Test
	void eachStepIsFilledByItsModulesHandlerInTodaysOrder() {
		assertThat(pipeline.steps()).extracting(handler -> ClassUtils.getUserClass(handler).getName())
			.containsExactly("org.reconnect.escalation.CrisisHandler", "org.reconnect.messaging.KeywordHandler",
					"org.reconnect.escalation.PauseInboundHandler", "org.reconnect.participants.LanguageInboundHandler",
					"org.reconnect.escalation.AcknowledgeInboundHandler",
					"org.reconnect.flows.AskForPersonHandler", "org.reconnect.consent.ConsentInboundHandler",
					"org.reconnect.progress.StopSharingHandler", "org.reconnect.flows.AllyConversationHandler", "org.reconnect.consent.RenewalInboundHandler",
					"org.reconnect.reminders.ReminderInboundHandler", "org.reconnect.console.CoachThreadInbound",
					"org.reconnect.flows.FlowInboundHandler", "org.reconnect.consent.AllyReplyHandler");
	}
}
