package org.reconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.reconnect.system.InvalidInput;

class DemoTimeTests {

	@Test
	void readsJumpsAsCoachesTypeThem() {
		assertThat(DemoTime.parse("by", "+15m")).isEqualTo(Duration.ofMinutes(15));
		assertThat(DemoTime.parse("by", "2h")).isEqualTo(Duration.ofHours(2));
		assertThat(DemoTime.parse("by", "+1d 6h")).isEqualTo(Duration.ofHours(30));
		assertThat(DemoTime.parse("by", "PT90M")).isEqualTo(Duration.ofMinutes(90));
	}

	@Test
	void refusesWhatIsNoJumpNamingTheField() {
		for (String bad : new String[] { "", "soon", "2x", "2h later", "-2h" }) {
			assertThatThrownBy(() -> DemoTime.parse("by", bad)).as(bad)
				.isInstanceOfSatisfying(InvalidInput.class,
						ex -> assertThat(ex.problems().get(0).field()).isEqualTo("by"));
		}
	}
}
