package org.reconnect.console;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The coaches' accounts and sign-in.
 *
 * @param initialCoach username, password (generated and printed once when empty) and an optional
 * mobile number for crisis notices; created on first start when there is no account
 * @param passwordMinLength the shortest password anywhere (accounts, changes, the first coach); 12 at least
 * @param lockout how many failed sign-ins within which window lock a username, and for how long
 * @param passkeys the WebAuthn relying party: the site's domain and the origins the browser may
 * report (scheme, host and port exactly as the coach's browser shows them); no origins means this
 * server's own address on that domain, e.g. http://localhost:8080 (see {@link PasskeyRelyingParty})
 */
@Validated
@ConfigurationProperties("reconnect.console")
record ConsoleSettings(@DefaultValue InitialCoach initialCoach, @DefaultValue("12") @Min(12) int passwordMinLength,
		@DefaultValue Lockout lockout, @DefaultValue Passkeys passkeys) {

	record InitialCoach(@DefaultValue("coach") String username, String password, String phone) {
	}

	record Lockout(@DefaultValue("5") @Min(1) int maxFailures, @DefaultValue("15m") Duration within,
			@DefaultValue("15m") Duration lockFor) {
	}

	record Passkeys(@DefaultValue("localhost") @NotBlank String rpId, @DefaultValue("Reconnect") @NotBlank String rpName,
			@DefaultValue Set<String> origins) {
	}
}
