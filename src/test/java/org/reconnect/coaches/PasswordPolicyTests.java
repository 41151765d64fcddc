package org.reconnect.coaches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.reconnect.coaches.PasswordPolicy;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.PhoneNumbers;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The one password rule (NIST SP 800-63B): at least 12 characters, not blank, not the username,
 * not a common password or one close to it; the first coach's configured password included.
 */
class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy(settings(null));

	@Test
	void acceptsALongUncommonPassphrase() {
		assertThat(policy.problem("password", "correct horse battery", "sam.rivera")).isEmpty();
		assertThat(policy.problem("password", "kj4#fT9!qL2m", "sam.rivera")).isEmpty();
	}

	@Test
	void refusesBlankShortUsernameAndCommonPasswordsNamingTheFieldAndTheRule() {
		assertRule(null, "sam.rivera", "is required and may not be blank");
		assertRule("            ", "sam.rivera", "may not be blank or only spaces");
		assertRule("\u00a0\u2003\u200b\t\u3000\u00a0\u2003\u200b\t\u3000\u00a0\u2003", "sam.rivera", "may not be blank");
		assertRule("shortpass", "sam.rivera", "must be at least 12 characters");
		assertRule("sam.rivera.2030", "sam.rivera.2030", "must not be the username");
		assertRule("password1234", "sam.rivera", "too easy to guess");
		assertRule("Password123!", "sam.rivera", "too easy to guess");
		assertRule("trustno1trustno1", "sam.rivera", "too easy to guess");
		assertRule("sam.rivera2024", "sam.rivera", "too easy to guess");
	}

	@Test
	void aWeakConfiguredFirstCoachPasswordStopsTheStartAndCreatesNoAccount() {
		Coaches coaches = mock(Coaches.class);
		when(coaches.count()).thenReturn(0L);
		CoachesSettings weak = settings("password1234");
		FirstCoach first = new FirstCoach(coaches, PasswordEncoderFactories.createDelegatingPasswordEncoder(), weak,
				mock(PhoneNumbers.class), new PasswordPolicy(weak), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

		assertThatThrownBy(() -> first.run(null)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("reconnect.console.initial-coach.password")
			.hasMessageContaining("too easy to guess");
		verify(coaches, never()).save(any());
	}

	@Test
	void aStrongConfiguredFirstCoachPasswordCreatesTheAccount() {
		Coaches coaches = mock(Coaches.class);
		when(coaches.count()).thenReturn(0L);
		CoachesSettings strong = settings("correct horse battery");
		new FirstCoach(coaches, PasswordEncoderFactories.createDelegatingPasswordEncoder(), strong,
				mock(PhoneNumbers.class), new PasswordPolicy(strong), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
			.run(null);
		verify(coaches).save(any());
	}

	private void assertRule(String password, String username, String rule) {
		assertThat(policy.problem("password", password, username)).as(password)
			.hasValueSatisfying(problem -> {
				assertThat(problem.field()).isEqualTo("password");
				assertThat(problem.message()).contains(rule);
			});
		assertThatThrownBy(() -> policy.require("password", password, username)).isInstanceOf(InvalidInput.class);
	}

	private static CoachesSettings settings(String initialPassword) {
		return new CoachesSettings(new CoachesSettings.InitialCoach("coach", initialPassword, null, null, null), 12,
				new CoachesSettings.Mail("reconnect@localhost", "http://localhost:8080"));
	}
}
