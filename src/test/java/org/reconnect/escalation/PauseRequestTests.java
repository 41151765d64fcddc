package org.reconnect.escalation;

import org.reconnect.participants.QuietHours;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantStatus;
import org.reconnect.participants.ResponsivenessSettings;

class PauseRequestTests {

	static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
	// Friday 8 March 2030, 11:00 in New York.
	static final Instant NOW = Instant.parse("2030-03-08T16:00:00Z");

	static ParticipantProfile participant(String language) {
		return new ParticipantProfile(new ParticipantId("p"), "Sam", "+12025550143", ZoneId.of("America/New_York"),
				LocalTime.of(9, 0), language, ParticipantStatus.ACTIVE, "coach", NOW, null,
				new ResponsivenessSettings(java.time.Duration.ofHours(24), 2, true));
	}

	static Optional<Instant> until(String words) {
		return PauseRequest.until(PauseRequest.plain(words), participant("en"), NOW, NIGHT);
	}

	@Test
	void readsAnAmountOfTime() {
		assertThat(until("3 days")).contains(Instant.parse("2030-03-11T16:00:00Z"));
		assertThat(until("for 2 weeks")).contains(Instant.parse("2030-03-22T16:00:00Z"));
		assertThat(until("5 hours")).contains(Instant.parse("2030-03-08T21:00:00Z"));
		assertThat(PauseRequest.until(PauseRequest.plain("3 días"), participant("es"), NOW, NIGHT))
			.contains(Instant.parse("2030-03-11T16:00:00Z"));
	}

	@Test
	void readsADayAndEndsItInTheMorning() {
		// Monday 11 March is after the change to summer time: 08:00 EDT is 12:00Z.
		assertThat(until("until Monday")).contains(Instant.parse("2030-03-11T12:00:00Z"));
		assertThat(until("hasta el lunes")).contains(Instant.parse("2030-03-11T12:00:00Z"));
		assertThat(until("until Friday")).as("the next Friday, not today").contains(Instant.parse("2030-03-15T12:00:00Z"));
		assertThat(until("tomorrow")).contains(Instant.parse("2030-03-09T13:00:00Z"));
	}

	@Test
	void aPauseThatWouldEndAtNightEndsInTheMorning() {
		// 11:00 + 12 hours is 23:00 in New York: it ends at 08:00 the next day instead.
		assertThat(until("12 hours")).contains(Instant.parse("2030-03-09T13:00:00Z"));
	}

	@Test
	void refusesWhatItDoesNotUnderstand() {
		assertThat(until("")).isEmpty();
		assertThat(until("for ages")).isEmpty();
		assertThat(until("until someday")).isEmpty();
		assertThat(PauseRequest.PAUSE.matcher(PauseRequest.plain("pausing is hard")).matches()).isFalse();
		assertThat(PauseRequest.RESUME.matcher(PauseRequest.plain("Resume!")).matches()).isTrue();
	}

	@Test
	void describesTheEndInTheParticipantsLanguage() {
		AlertTexts texts = AlertTextsTests.texts("Reconnect", "US");
		assertThat(texts.date(Instant.parse("2030-03-11T12:00:00Z"), participant("en")))
			.isEqualTo("Monday 11 March, 08:00");
		assertThat(texts.date(Instant.parse("2030-03-11T12:00:00Z"), participant("es")))
			.isEqualTo("lunes 11 de marzo, 08:00");
	}

	@Test
	void quietHoursHoldAnAlertUntilMorningInTheRecipientsZone() {
		ZoneId madrid = ZoneId.of("Europe/Madrid");
		assertThat(NIGHT.nextAllowed(Instant.parse("2030-03-10T22:00:00Z"), madrid))
			.isEqualTo(Instant.parse("2030-03-11T07:00:00Z"));
		assertThat(NIGHT.nextAllowed(Instant.parse("2030-03-11T06:00:00Z"), madrid))
			.isEqualTo(Instant.parse("2030-03-11T07:00:00Z"));
		assertThat(NIGHT.nextAllowed(Instant.parse("2030-03-11T07:00:00Z"), madrid))
			.isEqualTo(Instant.parse("2030-03-11T07:00:00Z"));
		assertThat(NIGHT.nextAllowed(Instant.parse("2030-03-10T19:59:00Z"), madrid))
			.isEqualTo(Instant.parse("2030-03-10T19:59:00Z"));
	}
}
