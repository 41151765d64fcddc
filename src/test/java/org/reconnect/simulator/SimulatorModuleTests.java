package org.reconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.scheduling.DueWork;
import org.reconnect.system.InvalidInput;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The simulator module started alone: only its own beans, with the clock it moves and scheduling's
 * due work (the one thing it uses from another module) stood in for. Demo time jumps in steps of
 * {@code reconnect.scheduling.demo-step} (15 minutes by default), running what fell due after
 * each, and refuses a jump longer than the longest allowed.
 */
@ApplicationModuleTest
@TestPropertySource(properties = { "spring.quartz.auto-startup=false",
		// the health groups name contributors of modules not started here
		"management.endpoint.health.validate-group-membership=false",
		"spring.quartz.properties.org.quartz.scheduler.instanceName=simulator-module-tests",
		"reconnect.messaging.twilio.account-sid=", "reconnect.messaging.twilio.auth-token=" })
class SimulatorModuleTests {

	static final Instant START = Instant.parse("2030-03-08T16:00:00Z");

	@MockitoBean
	DueWork due;

	private final DemoTime demoTime;

	private final MutableClock clock;

	SimulatorModuleTests(DemoTime demoTime, MutableClock clock) {
		this.demoTime = demoTime;
		this.clock = clock;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		MutableClock clock() {
			return new MutableClock(START);
		}
	}

	@Test
	void aJumpMovesTheClockInStepsAndRunsWhatFellDueAfterEach() {
		given(due.runUntilNow()).willReturn(new DueWork.Done(1, 0, 0, 0, 0));
		clearInvocations(due);
		Instant from = clock.instant();
		Duration ahead = demoTime.offset();

		DemoTime.Jumped jumped = demoTime.jump(Duration.ofHours(1));

		assertThat(jumped.to()).isEqualTo(from.plus(Duration.ofHours(1)));
		assertThat(clock.instant()).isEqualTo(from.plus(Duration.ofHours(1)));
		assertThat(demoTime.offset()).as("demo time, ahead of the clock's own time").isEqualTo(ahead.plusHours(1));
		verify(due, times(4)).runUntilNow();
		assertThat(jumped.done().checkIns()).as("what each step ran, added up").isEqualTo(4);
	}

	@Test
	void aJumpLongerThanTheLongestAllowedIsRefusedAndTheClockStays() {
		clearInvocations(due);
		Instant before = clock.instant();

		assertThatThrownBy(() -> demoTime.jump(Duration.ofDays(31))).isInstanceOfSatisfying(InvalidInput.class,
				ex -> assertThat(ex.problems().get(0).field()).isEqualTo("by"));

		assertThat(clock.instant()).isEqualTo(before);
		verifyNoInteractions(due);
	}
}
