package org.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The check the whole suite's log output goes through (SuiteLogPrivacyIT) catches what it must. */
class LogLeaksTests {

	private final LogLeaks leaks = LogLeaks.of(Set.of("+15005550006"), Path.of("conversation-flows"),
			Path.of("src/main/resources/messages"), Path.of("src/test/java"));

	@Test
	void findsPhoneNumbersInEveryFormTheyAreWrittenIn() {
		assertThat(leaks.testNumbers()).as("numbers collected from the test sources").isGreaterThan(50);
		assertThat(leaks.find("Inbound message from +12025550111 handled")).isPresent();
		assertThat(leaks.find("POST To=%2B12025550111&Body=4")).isPresent();
		assertThat(leaks.find("sent to whatsapp:+447700900123")).isPresent();
		assertThat(leaks.find("enrolled (202) 555-0111 as Sam")).isPresent();
		assertThat(leaks.find("enrolled 202-555-0111")).isPresent();
		assertThat(leaks.find("number=2025550111;")).isPresent();
	}

	@Test
	void findsMessageTextsFromTheFlowsAndTheAlerts() {
		assertThat(leaks.texts()).isGreaterThan(50);
		assertThat(leaks.find("Body: Hi Sam, it's check-in time. How are you feeling today, from 1 (low) to 5 (great)?"))
			.isPresent();
		assertThat(leaks.find("texto: Gracias por contármelo. Hay días difíciles.")).isPresent();
		assertThat(leaks.find("alert text=Hi Maria, Sam hasn't checked in since Saturday. "
				+ "A short, friendly message from you could mean a lot; no need to mention this note.")).isPresent();
	}

	@Test
	void letsMaskedNumbersSendersAndOrdinaryLinesPass() {
		assertThat(leaks.find("Inbound message twilio:SM01 from +1********11 (4 chars) handled by flows")).isEmpty();
		assertThat(leaks.find("From=+15005550006 (the program's own number)")).isEmpty();
		assertThat(leaks.find("2030-03-08T16:00:00.000Z  INFO 4242 --- [main] Started in 5.123 seconds (+12 ms)"))
			.isEmpty();
		assertThat(leaks.find("Quartz instance reconnect-host1764270000123 checked in")).isEmpty();
	}
}
