package org.reconnect.messaging;

import org.reconnect.system.SimulatorMode;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when a Twilio account SID and auth token are both set (an empty value counts as unset). */
class TwilioConfigured extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return configured(context.getEnvironment()) ? ConditionOutcome.match("Twilio credentials are set")
				: ConditionOutcome.noMatch("no Twilio credentials");
	}

	static boolean configured(Environment env) {
		return !SimulatorMode.active(env);
	}

	/** The simulator's side: no Twilio credentials. */
	static class Not extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return configured(context.getEnvironment()) ? ConditionOutcome.noMatch("Twilio credentials are set")
					: ConditionOutcome.match("no Twilio credentials: the simulator stands in");
		}
	}
}
