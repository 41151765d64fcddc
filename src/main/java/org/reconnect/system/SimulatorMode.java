package org.reconnect.system;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the application runs with the phone simulator instead of Twilio: no account SID or no
 * auth token (an empty value counts as unset). Only then may anything bend time or play with test
 * participants, because no real person can be reached.
 */
public final class SimulatorMode {

	private SimulatorMode() {
	}

	public static boolean active(Environment env) {
		return env.getProperty("reconnect.messaging.twilio.account-sid", "").isBlank()
				|| env.getProperty("reconnect.messaging.twilio.auth-token", "").isBlank();
	}

	/** A bean that exists only with the simulator. */
	public static class Active extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return active(context.getEnvironment()) ? ConditionOutcome.match("no Twilio credentials: simulator mode")
					: ConditionOutcome.noMatch("Twilio credentials are set");
		}
	}
}
