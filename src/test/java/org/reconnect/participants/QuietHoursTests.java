package org.reconnect.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void theDefaultSpanCrossesMidnight() {
		QuietHours quiet = QuietHours.DEFAULT;
		assertThat(quiet.contains(Instant.parse("2030-03-05T01:59:00Z"), NEW_YORK)).as("20:59 EST").isFalse();
		assertThat(quiet.contains(Instant.parse("2030-03-05T02:00:00Z"), NEW_YORK)).as("21:00 EST").isTrue();
		assertThat(quiet.contains(Instant.parse("2030-03-05T12:59:00Z"), NEW_YORK)).as("07:59 EST").isTrue();
		assertThat(quiet.contains(Instant.parse("2030-03-05T13:00:00Z"), NEW_YORK)).as("08:00 EST").isFalse();
		assertThat(quiet.endAfter(Instant.parse("2030-03-05T03:00:00Z"), NEW_YORK))
			.isEqualTo(Instant.parse("2030-03-05T13:00:00Z"));
		assertThat(quiet.endAfter(Instant.parse("2030-03-05T12:00:00Z"), NEW_YORK))
			.isEqualTo(Instant.parse("2030-03-05T13:00:00Z"));
	}

	@Test
	void aSpanWithinOneDayAndNoSpanAtAll() {
		QuietHours afternoon = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0));
		assertThat(afternoon.contains(Instant.parse("2030-03-05T19:00:00Z"), NEW_YORK)).as("14:00 EST").isTrue();
		assertThat(afternoon.contains(Instant.parse("2030-03-05T21:00:00Z"), NEW_YORK)).as("16:00 EST").isFalse();
		QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
		assertThat(none.contains(Instant.parse("2030-03-05T05:00:00Z"), NEW_YORK)).isFalse();
	}

	@Test
	void quietHoursEndingInTheSpringForwardGapEndAtTheFirstValidInstantAfter() {
		// 2030-03-10: 02:00 EST becomes 03:00 EDT; quiet hours until 02:30 end at 03:30 EDT.
		QuietHours quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30));
		assertThat(quiet.endAfter(Instant.parse("2030-03-10T05:00:00Z"), NEW_YORK))
			.isEqualTo(Instant.parse("2030-03-10T07:30:00Z"));
	}
}
