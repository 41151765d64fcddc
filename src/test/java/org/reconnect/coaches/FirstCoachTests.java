package org.reconnect.coaches;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.reconnect.system.PhoneNumbers;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The first account, made on first start from the RECONNECT_COACH_* settings. */
class FirstCoachTests {

	@Test
	void theFirstCoachTakesTheNameParticipantsReadFromItsSettingAndATooLongOneStopsTheStart() {
		Coaches coaches = mock(Coaches.class);
		when(coaches.count()).thenReturn(0L);
		firstCoach(coaches, " Dana R. ").run(null);
		verify(coaches).save(argThat(coach -> "Dana R.".equals(coach.displayName())
				&& "Dana R.".equals(coach.nameParticipantsRead())));

		Coaches none = mock(Coaches.class);
		when(none.count()).thenReturn(0L);
		firstCoach(none, "").run(null);
		verify(none).save(argThat(coach -> coach.displayName() == null
				&& "coach".equals(coach.nameParticipantsRead())));

		Coaches tooLong = mock(Coaches.class);
		when(tooLong.count()).thenReturn(0L);
		assertThatThrownBy(() -> firstCoach(tooLong, "D".repeat(41)).run(null)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("RECONNECT_COACH_DISPLAY_NAME")
			.hasMessageContaining("at most 40 characters");
		verify(tooLong, never()).save(any());
	}

	private static FirstCoach firstCoach(Coaches coaches, String displayName) {
		CoachesSettings settings = new CoachesSettings(
				new CoachesSettings.InitialCoach("coach", "correct horse battery", null, null, displayName), 12,
				new CoachesSettings.Mail("reconnect@localhost", "http://localhost:8080"));
		return new FirstCoach(coaches, PasswordEncoderFactories.createDelegatingPasswordEncoder(), settings,
				mock(PhoneNumbers.class), new PasswordPolicy(settings), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
	}

}
