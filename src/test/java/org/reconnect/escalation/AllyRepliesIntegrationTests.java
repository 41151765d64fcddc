package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.LoopTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * What an ally writes back, end to end through the fake Twilio: an acknowledgement in their own
 * words stops the ladder above them and is thanked in their language; a stop or a refusal never is
 * one; a late OK is thanked once; and any other text from an ally is answered, at most once a day,
 * with word that this number only sends alerts. Same application context as {@link EscalationIntegrationTests}.
 */
class AllyRepliesIntegrationTests extends LoopTestSupport {

	static final String THANKS = "Thank you, %s. Noted; we won't send more reminders about this.";

	static final String GRACIAS = "Gracias, %s. Anotado; no enviaremos más recordatorios sobre esto.";

	static final String ONLY_ALERTS = "Thanks for writing. This number only sends alerts and can't pass messages on: "
			+ "to reach your friend, write to them directly. Reply STOP ALERTS to end the alerts.";

	static final String SOLO_AVISOS = "Gracias por escribir. Este número solo envía avisos y no puede pasar mensajes: "
			+ "para hablar con tu amigo/a, escríbele directamente. Responde PARAR AVISOS para no recibir más avisos.";

	@Autowired
	EscalationService escalation;

	@Test
	void anAllyAcknowledgesInTheirOwnWordsAndIsThankedInTheirLanguage() {
		record Reply(String participantPhone, String allyPhone, String allyName, String language, String words,
				String thanks) {
		}
		List<Reply> replies = List.of(
				new Reply("+16465550801", "+16465550802", "Marta Ruiz", "es", "ok le escribo", GRACIAS.formatted("Marta")),
				new Reply("+16465550803", "+16465550804", "Omar Diaz", null, "ok I'll text her", THANKS.formatted("Omar")),
				new Reply("+16465550805", "+16465550806", "Pat Kim", null, "👍🏽", THANKS.formatted("Pat")),
				new Reply("+16465550807", "+16465550808", "Ana Roa", null, "thanks, calling him now",
						THANKS.formatted("Ana")));
		for (Reply reply : replies) {
			String id = enrol("Lucía Gil", reply.participantPhone(), "America/New_York", "10:00");
			String allyId = consentingAlly(id, reply.allyName(), reply.allyPhone(), reply.language());
			missAndClimb(id);
			assertThat(lastSentTo(reply.allyPhone())).contains("Lucía");

			sms(reply.allyPhone(), reply.words());

			assertThat(lastSentTo(reply.allyPhone())).as(reply.words()).isEqualTo(reply.thanks());
			assertThat(responsiveness(id).path("acknowledgedBy").asText()).as(reply.words()).isEqualTo("ally:" + allyId);
		}
	}

	@Test
	void okStopAlertsWithdrawsConsentAndIsNoAcknowledgement() {
		Map<String, String> allies = Map.of("+16465550812", "ok stop alerts", "+16465550814", "ok, PARAR AVISOS");
		int n = 0;
		for (Map.Entry<String, String> ally : allies.entrySet()) {
			String id = enrol("Rita Paz", "+1646555081" + (n++ == 0 ? "1" : "3"), "America/New_York", "10:00");
			consentingAlly(id, "Tomás Vidal", ally.getKey(), ally.getValue().contains("PARAR") ? "es" : null);
			missAndClimb(id);

			sms(ally.getKey(), ally.getValue());

			assertThat(consents(id)).as(ally.getValue()).containsExactly("WITHDRAWN");
			assertThat(responsiveness(id).path("acknowledgedBy").isMissingNode()
					|| responsiveness(id).path("acknowledgedBy").isNull()).as(ally.getValue()).isTrue();
			assertThat(lastSentTo(ally.getKey())).isIn("Done. You won't get any more alerts. Thank you for being there.",
					"Listo. Ya no recibirás más avisos. Gracias por estar ahí.");
		}
	}

	@Test
	void aRefusalIsNoAcknowledgementTheLadderGoesOnAndTheAllyHearsThisNumberOnlySendsAlerts() {
		String lucia = "+16465550821";
		String marta = "+16465550822";
		String id = enrol("Lucía Gil", lucia, "America/New_York", "10:00");
		consentingAlly(id, "Marta Ruiz", marta, "es");
		// Quiet at the first miss, and the allies before the coach: the coach is told only if nobody above has it in hand.
		ResponseEntity<String> quietAtOnce = coach().exchange("/api/participants/" + id + "/responsiveness", HttpMethod.PUT,
				new HttpEntity<>(Map.of("gracePeriod", "PT4H", "missedToQuiet", 1, "anyMessageCounts", true)), String.class);
		assertThat(quietAtOnce.getStatusCode().is2xxSuccessful()).as(quietAtOnce.getBody()).isTrue();
		ResponseEntity<String> ladder = coach().exchange("/api/participants/" + id + "/ladder", HttpMethod.PUT,
				new HttpEntity<>(List.of(Map.of("name", "allies", "delay", "PT24H", "audience", "ALLIES", "message", "quiet"),
						Map.of("name", "coach", "delay", "PT48H", "audience", "COACH", "message", "quiet"))),
				String.class);
		assertThat(ladder.getStatusCode().is2xxSuccessful()).as(ladder.getBody()).isTrue();
		miss(id);
		clock.advance(Duration.ofHours(26)); // 20:00 in New York (summer time since Sunday), before quiet hours
		escalation.sweep();
		assertThat(lastSentTo(marta)).startsWith("Hola Marta, Lucía no responde");
		int toCoach = coachMessagesAbout("Lucía").size();

		sms(marta, "no puedo ahora");

		assertThat(lastSentTo(marta)).isEqualTo(SOLO_AVISOS);
		assertThat(consents(id)).containsExactly("GRANTED");
		assertThat(responsiveness(id).path("acknowledgedBy").isTextual()).isFalse();
		clock.advance(Duration.ofHours(24));
		escalation.sweep();
		assertThat(coachMessagesAbout("Lucía")).as("the ladder went on above Marta")
			.hasSize(toCoach + 1)
			.last()
			.asString()
			.startsWith("Reconnect: Lucía hasn't checked in since");
	}

	@Test
	void anyOtherTextFromAnAllyIsAnsweredAtMostOnceADay() {
		String id = enrol("Iris Lane", "+16465550831", "America/New_York", "10:00");
		String ben = "+16465550832";
		consentingAlly(id, "Ben Cole", ben, null);
		int before = sentTo(ben).size();

		sms(ben, "who is this?");
		assertThat(sentTo(ben)).hasSize(before + 1);
		assertThat(lastSentTo(ben)).isEqualTo(ONLY_ALERTS).doesNotContain("Iris");

		clock.advance(Duration.ofHours(23));
		sms(ben, "hello?");
		assertThat(sentTo(ben)).as("once within a day, so no auto-responder loops with us").hasSize(before + 1);

		clock.advance(Duration.ofHours(1));
		sms(ben, "is Iris ok?");
		assertThat(sentTo(ben)).hasSize(before + 2);
		assertThat(lastSentTo(ben)).isEqualTo(ONLY_ALERTS);
	}

	@Test
	void aNumberThatIsNobodysAllyStillGetsNothing() {
		String stranger = "+16465550841";
		sms(stranger, "who is this?");
		sms(stranger, "ok thanks");
		assertThat(sentTo(stranger)).isEmpty();
	}

	@Test
	void aLateOkAfterTheParticipantIsBackIsThankedOnce() {
		String noa = "+16465550851";
		String eli = "+16465550852";
		String id = enrol("Noa Park", noa, "America/New_York", "10:00");
		consentingAlly(id, "Eli Shaw", eli, null);
		missAndClimb(id);
		sms(noa, "hi, I'm ok");
		assertThat(lastSentTo(eli)).isEqualTo("Hi Eli, good news: Noa is back in touch. Thank you for being there.");

		clock.advance(Duration.ofDays(2));
		sms(eli, "ok I'll call her");
		assertThat(lastSentTo(eli)).isEqualTo("Thank you, Eli. Nothing more is needed for now.");
		int after = sentTo(eli).size();

		sms(eli, "ok thanks");
		assertThat(sentTo(eli)).as("thanked once: the next text is an ordinary one").hasSize(after + 1);
		assertThat(lastSentTo(eli)).isEqualTo(ONLY_ALERTS);
	}

	private String consentingAlly(String participant, String name, String phone, String language) {
		Map<String, Object> request = new HashMap<>(Map.of("name", name, "phone", phone));
		if (language != null) {
			request.put("language", language);
		}
		ResponseEntity<JsonNode> invited = coach().postForEntity("/api/participants/" + participant + "/allies", request,
				JsonNode.class);
		assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		sms(phone, language == null ? "YES" : "sí");
		assertThat(consents(participant)).containsExactly("GRANTED");
		return invited.getBody().get("id").asText();
	}

	/** The participant misses tomorrow's check-in and the default ladder climbs to the allies. */
	private void missAndClimb(String participant) {
		miss(participant);
		clock.advance(Duration.ofHours(48));
		escalation.sweep();
	}

	/** Tomorrow's check-in, at 11:00 in New York, goes unanswered. */
	private void miss(String participant) {
		ZoneId newYork = ZoneId.of("America/New_York");
		Instant noon = clock.instant().atZone(newYork).toLocalDate().plusDays(1).atTime(11, 0).atZone(newYork).toInstant();
		clock.set(noon);
		assertThat(coach().postForEntity("/api/participants/" + participant + "/check-ins", null, JsonNode.class)
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
		clock.advance(Duration.ofHours(6));
		conversations.expireDue();
	}

	private static List<String> coachMessagesAbout(String firstName) {
		return sentTo(COACH_PHONE).stream().filter(text -> text.startsWith("Reconnect: " + firstName + " ")).toList();
	}

	private JsonNode responsiveness(String participant) {
		return coach().getForObject("/api/participants/" + participant + "/responsiveness", JsonNode.class);
	}

	private List<String> consents(String participant) {
		return coach().getForObject("/api/participants/" + participant + "/allies", JsonNode.class)
			.findValuesAsString("consent");
	}
}
