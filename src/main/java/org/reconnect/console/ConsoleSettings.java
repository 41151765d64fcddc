package org.reconnect.console;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Sign-in to the console (the accounts themselves: {@code CoachesSettings}, under the same prefix).
 *
 * @param lockout how many failed sign-ins within which window lock a username, and for how long
 * @param passkeys the WebAuthn relying party: the site's domain and the origins the browser may
 * report (scheme, host and port exactly as the coach's browser shows them); no origins means this
 * server's own address on that domain, e.g. http://localhost:8080 (see {@link PasskeyRelyingParty})
 */
@Validated
@ConfigurationProperties("reconnect.console")
record ConsoleSettings(@DefaultValue Lockout lockout, @DefaultValue Passkeys passkeys) {

	record Lockout(@DefaultValue("5") @Min(1) int maxFailures, @DefaultValue("15m") Duration within,
			@DefaultValue("15m") Duration lockFor) {
	}

	record Passkeys(@DefaultValue("localhost") @NotBlank String rpId, @DefaultValue("Reconnect") @NotBlank String rpName,
			@DefaultValue Set<String> origins) {
	}
}
