package org.reconnect.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class CheckInOccurrencesTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void nineInTheMorningStaysNineAcrossTheMarchChange() {
		// 2027-03-14 is the spring-forward day in New York (02:00 EST -> 03:00 EDT).
		Instant saturday = next(NEW_YORK, "09:00", "2027-03-13T08:00:00-05:00");
		Instant sunday = CheckInOccurrences.next(NEW_YORK, LocalTime.of(9, 0), saturday);
		Instant monday = CheckInOccurrences.next(NEW_YORK, LocalTime.of(9, 0), sunday);
		assertThat(saturday).isEqualTo(Instant.parse("2027-03-13T14:00:00Z"));
		assertThat(sunday).isEqualTo(Instant.parse("2027-03-14T13:00:00Z"));
		assertThat(monday).isEqualTo(Instant.parse("2027-03-15T13:00:00Z"));
		assertThat(sunday.atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
	}

	@Test
	void nineInTheMorningStaysNineAcrossTheNovemberChange() {
		// 2027-11-07 is the fall-back day (02:00 EDT -> 01:00 EST).
		Instant saturday = next(NEW_YORK, "09:00", "2027-11-06T08:00:00-04:00");
		Instant sunday = CheckInOccurrences.next(NEW_YORK, LocalTime.of(9, 0), saturday);
		assertThat(saturday).isEqualTo(Instant.parse("2027-11-06T13:00:00Z"));
		assertThat(sunday).isEqualTo(Instant.parse("2027-11-07T14:00:00Z"));
		assertThat(sunday.atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
	}

	@Test
	void aTimeThatDoesNotExistFiresAtTheFirstValidInstantAfterIt() {
		Instant springForward = next(NEW_YORK, "02:30", "2027-03-14T00:00:00-05:00");
		assertThat(springForward.atZone(NEW_YORK).toLocalDateTime())
			.isEqualTo(ZonedDateTime.parse("2027-03-14T03:30:00-04:00").toLocalDateTime());
	}

	@Test
	void aTimeThatOccursTwiceFiresOnce() {
		Instant first = next(NEW_YORK, "01:30", "2027-11-07T00:00:00-04:00");
		Instant after = CheckInOccurrences.next(NEW_YORK, LocalTime.of(1, 30), first);
		assertThat(first).isEqualTo(Instant.parse("2027-11-07T05:30:00Z"));
		assertThat(after).isEqualTo(Instant.parse("2027-11-08T06:30:00Z"));
	}

	@Test
	void aZoneWithAHalfHourOffset() {
		Instant kolkata = next(ZoneId.of("Asia/Kolkata"), "09:00", "2027-01-10T10:00:00+05:30");
		assertThat(kolkata).isEqualTo(Instant.parse("2027-01-11T03:30:00Z"));
	}

	private static Instant next(ZoneId zone, String time, String after) {
		return CheckInOccurrences.next(zone, LocalTime.parse(time), ZonedDateTime.parse(after).toInstant());
	}
}
