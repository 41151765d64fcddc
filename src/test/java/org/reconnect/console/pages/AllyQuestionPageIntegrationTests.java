package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.ConsoleSession;
import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentService;
import org.reconnect.participants.ParticipantId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;

/**
 * The participant page says kindly, in the coach's language, why an ally cannot be asked something
 * now (their number has a question open) and when to try again; nothing is sent to the ally.
 */
class AllyQuestionPageIntegrationTests extends CoachPageTestBase {

	@Autowired
	ConsentService consent;

	@Test
	void askingForGoodNewsWhileARenewalIsOpenIsRefusedOnThePageWithWhenToTryAgain() {
		TestRestTemplate rosa = coach("rosa", "rosa-pass-1");
		String id = enrol(rosa, "Tomas Reyes", "+12025557301");
		String number = "+12025557302";
		AllyView ally = consent.invite(new ParticipantId(id), "Uli Brandt", number, null, null, null, "a test",
				"coach:rosa", "test");
		phone.receive(number, "yes");
		Instant until = consent.ally(ally.id()).orElseThrow().consentUntil();
		clock.set(until.minus(Duration.ofDays(14)));
		consent.promptRenewals();
		int sent = phone.sentTo(number, 500).size();

		ConsoleSession english = new ConsoleSession(port, "en");
		english.signIn("rosa", "rosa-pass-1");
		String page = "/participants/" + id;
		HttpResponse<String> refused = english.submit(page, page + "/allies/" + ally.id() + "/progress", Map.of());

		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(english.get(page).body()).contains("Uli Brandt has been asked whether to keep their alerts for another "
				+ "year").contains("We ask one thing at a time, so their YES answers the right question: try again once they "
						+ "answer, or after");
		ConsoleSession spanish = new ConsoleSession(port, "es");
		spanish.signIn("rosa", "rosa-pass-1");
		spanish.submit(page, page + "/allies/" + ally.id() + "/progress", Map.of());
		assertThat(spanish.get(page).body()).contains("A Uli Brandt se le preguntó si quiere seguir recibiendo avisos otro "
				+ "año y aún no ha respondido.");
		assertThat(phone.sentTo(number, 500)).as("nothing more was asked").hasSize(sent);

		// Naming the same number for someone else meanwhile: refused next to the form, without saying whose it is.
		String other = enrol(rosa, "Vera Lind", "+12025557303");
		String otherPage = "/participants/" + other;
		english.submit(otherPage, otherPage + "/allies", Map.of("name", "Uli Brandt", "phone", number));
		assertThat(english.get(otherPage).body()).contains("This number has another question from us to answer first.");
		assertThat(consent.allies(new ParticipantId(other))).isEmpty();
	}
}
