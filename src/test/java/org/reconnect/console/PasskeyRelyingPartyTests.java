package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which origins a passkey ceremony accepts: the configured ones, else this server's own. */
class PasskeyRelyingPartyTests {

	@Test
	void configuredOriginsWinWhateverThePort() {
		ConsoleSettings.Passkeys behindAProxy = new ConsoleSettings.Passkeys("console.example.org", "Reconnect",
				Set.of("https://console.example.org"));
		assertThat(PasskeyRelyingParty.origins(behindAProxy, 8080)).containsExactly("https://console.example.org");
	}

	@Test
	void withoutConfiguredOriginsTheServersOwnAddressCountsOnceItListens() {
		ConsoleSettings.Passkeys local = new ConsoleSettings.Passkeys("localhost", "Reconnect", Set.of());
		assertThat(PasskeyRelyingParty.origins(local, null)).as("before the server listens").isEmpty();
		assertThat(PasskeyRelyingParty.origins(local, 51234)).containsExactlyInAnyOrder("http://localhost:51234",
				"https://localhost:51234");
	}
}
