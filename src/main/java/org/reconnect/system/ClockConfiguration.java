package org.reconnect.system;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one source of time; tests replace it with a clock they can move. With the phone simulator
 * (no Twilio account) it is a {@link ShiftableClock}, so a coach can jump ahead to see timeouts and
 * escalation; with Twilio it is the plain system clock and nothing can move it.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock(Environment env) {
		return SimulatorMode.active(env) ? new ShiftableClock(Clock.systemUTC()) : Clock.systemUTC();
	}
}
