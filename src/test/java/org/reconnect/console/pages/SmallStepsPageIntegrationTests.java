package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.ConsoleSession;
import org.reconnect.participants.ParticipantId;
import org.springframework.boot.resttestclient.TestRestTemplate;


/**
 * The coach reads on the participant's page, in words and in the coach's language, what the
 * participant tried of the small steps and how it went, newest first.
 */
class SmallStepsPageIntegrationTests extends CoachPageTestBase {

	@Test
	void theParticipantPageSaysWhatTheyTriedAndHowItWentInTheCoachsLanguage() {
		clock.set(START);
		TestRestTemplate lena = coach("lena", "lena-pass-1");
		String number = "+12025550971";
		String id = enrol(lena, "Ana Ruiz", number);
		ParticipantId ana = new ParticipantId(id);
		ConsoleSession console = new ConsoleSession(port);
		console.signIn("lena", "lena-pass-1");
		String page = "/participants/" + id;

		conversations.start(ana, "small-steps");
		phone.receive(number, "ok");
		assertThat(console.get(page).body()).as("nothing tried yet: no section").doesNotContain("id=\"small-steps\"");

		for (String reply : new String[] { "did it", "it was too much" }) {
			clock.advance(Duration.ofDays(7));
			due.sweep();
			assertThat(conversations.start(ana, "small-steps")).isPresent();
			phone.receive(number, reply);
		}

		String english = console.get(page).body();
		assertThat(english).contains("<h2 id=\"small-steps-heading\">Small steps</h2>");
		int tooMuch = english.indexOf("a short call or voice note to someone, too much for now, so a smaller step next");
		int did = english.indexOf("sending one text to someone, did it or tried");
		assertThat(tooMuch).as("the call, too much").isPositive();
		assertThat(did).as("the text, done").isPositive();
		assertThat(tooMuch).as("newest first").isLessThan(did);

		assertThat(console.submit("/settings", "/settings", Map.of("zone", "", "language", "es")).statusCode())
			.isEqualTo(302);
		assertThat(console.get(page).body()).contains("Pequeños pasos")
			.contains("una llamada corta o un audio a alguien, demasiado por ahora, así que un paso más pequeño")
			.contains("enviar un mensaje a alguien, lo hizo o lo intentó");
	}
}
