package org.reconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ChannelOutageTests {

	private final Instant start = Instant.parse("2030-03-04T12:00:00Z");
	private final ChannelOutage outage = new ChannelOutage(Duration.ofSeconds(30), 2.0);

	@Test
	void oneMessageFailingAgainAndAgainIsItsOwnProblemNotAnOutage() {
		assertThat(outage.failed("m1", start)).isFalse();
		assertThat(outage.failed("m1", start.plusSeconds(30))).isFalse();
		assertThat(outage.failed("m1", start.plusSeconds(90))).isFalse();
		assertThat(outage.mayTry(start.plusSeconds(91))).isTrue();
		assertThat(outage.waiting(start.plusSeconds(91))).isFalse();
	}

	@Test
	void twoMessagesFailingInARowStopSendingButForOneProbeAtATime() {
		assertThat(outage.failed("m1", start)).isFalse();
		assertThat(outage.failed("m2", start)).isTrue();
		assertThat(outage.mayTry(start.plusSeconds(1))).isFalse();
		assertThat(outage.waiting(start.plusSeconds(29))).isTrue();
		assertThat(outage.mayTry(start.plusSeconds(30))).isTrue();
		assertThat(outage.mayTry(start.plusSeconds(31))).as("one probe at a time").isFalse();
		assertThat(outage.failed("m3", start.plusSeconds(31))).isTrue();
		// probes every 30 s, 60 s, ... never more than a minute apart
		assertThat(outage.mayTry(start.plusSeconds(31 + 59))).isFalse();
		assertThat(outage.mayTry(start.plusSeconds(31 + 60))).isTrue();
		for (int i = 0; i < 10; i++) {
			outage.failed("m" + (4 + i), start.plusSeconds(100));
		}
		assertThat(outage.mayTry(start.plusSeconds(100 + 60))).isTrue();
	}

	@Test
	void theFirstAnswerEndsTheOutage() {
		outage.failed("m1", start);
		outage.failed("m2", start);
		outage.answered(start.plusSeconds(30));
		assertThat(outage.mayTry(start.plusSeconds(30))).isTrue();
		assertThat(outage.mayTry(start.plusSeconds(30))).isTrue();
		assertThat(outage.failed("m3", start.plusSeconds(31))).as("counting starts again").isFalse();
	}
}
