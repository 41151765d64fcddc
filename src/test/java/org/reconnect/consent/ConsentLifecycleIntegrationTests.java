package org.reconnect.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.LoopTestSupport;
import org.reconnect.participants.ParticipantId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * An ally's consent through its whole life, as the consent module owns it: asked first, covering
 * only what was asked and only after the ally's own YES within the time limit; a NO or a late YES
 * is never consent; the participant, the coach or the ally ends it at once; it is renewed only by
 * a YES to a renewal asked once before the year ends, and otherwise lapses; and whether it holds
 * is read from the ledger at the moment it is asked, to the second.
 */
class ConsentLifecycleIntegrationTests extends LoopTestSupport {

	private static final Duration VALID_FOR = Duration.ofDays(365);

	@Autowired
	ConsentService consent;

	@Test
	void anAllyIsCoveredOnlyAfterTheirOwnYesAndOnlyForWhatTheyWereAsked() {
		String id = enrol("Ada Ruiz", "+17205550101", "America/New_York", "19:41");
		String ben = "+17205550102";
		String benId = invite(id, "Ben Ortiz", ben);

		assertThat(lastSentTo(ben)).startsWith("Hi Ben, Ada asked if you'd be their check-in ally for a year")
			.contains("Never what they tell us", "Reply YES or NO");
		assertThat(status(benId)).isEqualTo("REQUESTED");
		assertThat(consent.consentHolds(benId, AlertKind.MISSED_CHECK_INS)).as("asked is not agreed").isFalse();
		assertThat(consent.alliesWhoConsented(new ParticipantId(id), AlertKind.MISSED_CHECK_INS)).isEmpty();

		clock.advance(Duration.ofHours(3));
		sms(ben, "Yes");

		Instant yes = clock.instant();
		assertThat(lastSentTo(ben)).startsWith("Thank you, Ben. If Ada goes quiet for a while, we'll let you know.");
		assertThat(status(benId)).isEqualTo("GRANTED");
		assertThat(consent.consentHolds(benId, AlertKind.MISSED_CHECK_INS)).isTrue();
		assertThat(consent.consentHolds(benId, AlertKind.BACK_IN_TOUCH)).isTrue();
		assertThat(consent.consentHolds(benId, AlertKind.CRISIS)).as("never asked about a crisis").isFalse();
		assertThat(consent.alliesWhoConsented(new ParticipantId(id), AlertKind.MISSED_CHECK_INS)).extracting(AllyView::id)
			.containsExactly(benId);
		assertThat(consent.alliesWhoConsented(new ParticipantId(id), AlertKind.CRISIS)).isEmpty();
		ConsentRecord granted = ledger(id).get(1);
		assertThat(ledger(id)).extracting(entry -> entry.change().name()).containsExactly("REQUESTED", "GRANTED");
		assertThat(granted.by()).isEqualTo("ally");
		assertThat(granted.from()).isEqualTo(yes);
		assertThat(granted.until()).as("a year from the YES").isEqualTo(yes.plus(VALID_FOR));
	}

	@Test
	void aNoIsFinalAndAYesAfterTheTimeLimitIsNotConsent() {
		String id = enrol("Cal Webb", "+17205550111", "America/New_York", "19:42");
		String dee = "+17205550112";
		String eli = "+17205550113";
		String deeId = invite(id, "Dee Park", dee);
		String eliId = invite(id, "Eli Ross", eli);

		sms(dee, "no");
		assertThat(lastSentTo(dee)).startsWith("Understood, Dee. You won't get any alerts.");
		sms(dee, "YES");
		assertThat(status(deeId)).as("a YES after a NO changes nothing").isEqualTo("DECLINED");
		assertThat(consent.consentHolds(deeId, AlertKind.MISSED_CHECK_INS)).isFalse();

		// The time to answer is seven days; a YES a second later is thanked, and is not consent.
		clock.advance(Duration.ofDays(7).plusSeconds(1));
		sms(eli, "YES");
		assertThat(lastSentTo(eli)).startsWith("Thank you for answering. That request has expired, so you won't get any alerts.");
		assertThat(status(eliId)).isEqualTo("EXPIRED");
		assertThat(consent.consentHolds(eliId, AlertKind.MISSED_CHECK_INS)).isFalse();
		assertThat(ledger(id)).extracting(entry -> entry.change().name()).containsExactly("REQUESTED", "REQUESTED", "DECLINED");
	}

	@Test
	void theParticipantTheCoachOrTheAllyEndsConsentAtOnce() {
		String participant = "+17205550121";
		String id = enrol("Fay Lowe", participant, "America/New_York", "19:43");
		String gus = "+17205550122";
		String hal = "+17205550123";
		String ivo = "+17205550124";
		String gusId = invite(id, "Gus Moss", gus);
		String halId = invite(id, "Hal Dunn", hal);
		String ivoId = invite(id, "Ivo Chan", ivo);
		sms(gus, "YES");
		sms(hal, "YES");
		sms(ivo, "YES");
		assertThat(consent.alliesWhoConsented(new ParticipantId(id), AlertKind.MISSED_CHECK_INS)).hasSize(3);

		sms(participant, "REMOVE Gus");
		assertThat(lastSentTo(participant)).isEqualTo("Done. Gus won't be told anything from now on.");
		assertThat(coach().exchange("/api/participants/" + id + "/allies/" + halId, HttpMethod.DELETE, null, Void.class)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		sms(ivo, "STOP ALERTS");
		assertThat(lastSentTo(ivo)).isEqualTo("Done. You won't get any more alerts. Thank you for being there.");

		// the same second: nothing waits for a later job
		for (String allyId : List.of(gusId, halId, ivoId)) {
			assertThat(consent.consentHolds(allyId, AlertKind.MISSED_CHECK_INS)).as(allyId).isFalse();
		}
		assertThat(consent.alliesWhoConsented(new ParticipantId(id), AlertKind.BACK_IN_TOUCH)).isEmpty();
		assertThat(List.of(status(gusId), status(halId), status(ivoId))).containsExactly("REVOKED", "REVOKED", "WITHDRAWN");
		assertThat(ledger(id).subList(6, 9)).extracting(ConsentRecord::by)
			.containsExactly("participant", "coach:coach", "ally");

		// Asked again, Gus is covered only after a new YES; the ledger keeps what went before.
		assertThat(invite(id, "Gus Moss", gus)).isEqualTo(gusId);
		assertThat(consent.consentHolds(gusId, AlertKind.MISSED_CHECK_INS)).isFalse();
		sms(gus, "YES");
		assertThat(consent.consentHolds(gusId, AlertKind.MISSED_CHECK_INS)).isTrue();
		assertThat(ledger(id)).extracting(entry -> entry.change().name())
			.containsExactly("REQUESTED", "REQUESTED", "REQUESTED", "GRANTED", "GRANTED", "GRANTED", "REVOKED", "REVOKED",
					"WITHDRAWN", "REQUESTED", "GRANTED");
	}

	@Test
	void renewalIsAskedOnceBeforeTheYearEndsAndOnlyAYesKeepsConsent() {
		String id = enrol("Jo Nash", "+17205550131", "America/New_York", "19:44");
		String kim = "+17205550132";
		String lou = "+17205550133";
		String kimId = invite(id, "Kim Reed", kim);
		String louId = invite(id, "Lou Hart", lou);
		sms(kim, "YES");
		sms(lou, "YES");
		Instant until = START.plus(VALID_FOR);

		// Fifteen days before the end nobody is asked yet; fourteen days before, each ally is, once.
		clock.set(until.minus(Duration.ofDays(15)));
		consent.promptRenewals();
		assertThat(sentTo(kim)).hasSize(2);
		clock.set(until.minus(Duration.ofDays(14)));
		consent.promptRenewals();
		consent.promptRenewals();
		assertThat(sentTo(kim)).hasSize(3);
		assertThat(lastSentTo(kim)).isEqualTo("Hi Kim, your agreement to hear if Jo goes quiet ends on March 8, 2031. "
				+ "Reply YES to keep it for another year, or do nothing and it simply ends.");
		assertThat(sentTo(lou)).hasSize(3);

		clock.advance(Duration.ofDays(2));
		sms(kim, "YES");
		assertThat(lastSentTo(kim)).startsWith("Thank you, Kim. You'll keep hearing if Jo goes quiet.");
		assertThat(ledger(id)).filteredOn(entry -> entry.allyId().equals(kimId))
			.extracting(entry -> entry.change().name())
			.containsExactly("REQUESTED", "GRANTED", "RENEWAL_REQUESTED", "RENEWED");

		// Lou did not answer: the consent ends at its time, to the second; Kim's goes on for another year.
		clock.set(until.minusSeconds(1));
		assertThat(consent.consentHolds(louId, AlertKind.MISSED_CHECK_INS)).isTrue();
		clock.set(until);
		assertThat(consent.consentHolds(louId, AlertKind.MISSED_CHECK_INS)).isFalse();
		assertThat(status(louId)).isEqualTo("LAPSED");
		assertThat(consent.consentHolds(kimId, AlertKind.MISSED_CHECK_INS)).isTrue();
		clock.set(until.plus(VALID_FOR).minusSeconds(1));
		assertThat(consent.consentHolds(kimId, AlertKind.MISSED_CHECK_INS)).isTrue();
		clock.set(until.plus(VALID_FOR));
		assertThat(consent.consentHolds(kimId, AlertKind.MISSED_CHECK_INS)).as("a renewal adds one year").isFalse();
	}

	@Test
	void anAllyWhoReadsSpanishIsAskedToRenewAndThankedInSpanish() {
		String id = enrol("Teo Vidal", "+17205550134", "America/New_York", "19:46");
		String ines = "+17205550135";
		ResponseEntity<JsonNode> invited = coach().postForEntity("/api/participants/" + id + "/allies",
				Map.of("name", "Inés Soto", "phone", ines, "language", "es", "timeZone", "Pacific/Kiritimati"), JsonNode.class);
		assertThat(invited.getStatusCode()).as(String.valueOf(invited.getBody())).isEqualTo(HttpStatus.CREATED);
		sms(ines, "SÍ");
		// asked at noon her time (22:00 UTC), outside her quiet hours
		clock.set(START.plus(VALID_FOR).minus(Duration.ofDays(14)).plus(Duration.ofHours(6)));
		consent.promptRenewals();
		// it ends at 16:00 UTC on 8 March, already the 9th where she lives (UTC+14)
		assertThat(lastSentTo(ines)).isEqualTo("Hola Inés, tu acuerdo para saber si Teo deja de responder termina el "
				+ "9 de marzo de 2031. Responde SÍ para mantenerlo otro año, o no hagas nada y simplemente termina.");
		sms(ines, "Sí");
		assertThat(lastSentTo(ines))
			.isEqualTo("Gracias, Inés. Seguirás sabiendo si Teo deja de responder. Escribe PARAR AVISOS cuando quieras.");
		sms(ines, "AYUDA");
		assertThat(lastSentTo(ines)).startsWith("Reconnect: check-ins de tu equipo de apoyo");
		sms(ines, "PARAR AVISOS");
		assertThat(lastSentTo(ines)).isEqualTo("Listo. Ya no recibirás más avisos. Gracias por estar ahí.");
	}

	@Test
	void aNumberNobodyKnowsIsAnsweredInTheLanguageOfItsKeyword() {
		String stranger = "+17205550136";
		sms(stranger, "AYUDA");
		assertThat(lastSentTo(stranger)).startsWith("Reconnect: check-ins de tu equipo de apoyo");
		sms(stranger, "PARAR");
		assertThat(lastSentTo(stranger))
			.isEqualTo("Ya no recibirás más mensajes de Reconnect. Escribe INICIAR cuando quieras volver.");
		sms(stranger, "START");
		assertThat(lastSentTo(stranger))
			.isEqualTo("Welcome back. You'll get your check-ins again. Text STOP to stop, HELP for help.");
	}

	@Test
	void anAllysStopWithdrawsEveryConsentOfTheirNumberAndAnOpenInvitation() {
		String mo = "+17205550141";
		String moId = invite(enrol("Ned Vale", "+17205550142", "America/New_York", "19:45"), "Mo Kerr", mo);
		sms(mo, "YES");
		// a number is asked one thing at a time: Ola's invitation goes once Mo answered Ned's
		String moAgainId = invite(enrol("Ola Finn", "+17205550143", "America/New_York", "19:46"), "Mo Kerr", mo);
		assertThat(List.of(status(moId), status(moAgainId))).containsExactly("GRANTED", "REQUESTED");

		int before = sentTo(mo).size();

		sms(mo, "STOP");

		assertThat(List.of(status(moId), status(moAgainId))).as("the open invitation too")
			.containsExactly("WITHDRAWN", "WITHDRAWN");
		assertThat(sentTo(mo).subList(before, sentTo(mo).size())).as("only the one STOP confirmation")
			.singleElement()
			.satisfies(text -> assertThat(text).endsWith("Text START any time to come back."));
		assertThat(consent.consentHolds(moAgainId, AlertKind.MISSED_CHECK_INS)).isFalse();
	}

	@Test
	void anAllyAskedForGoodNewsTooKeepsTheirAlertsWhenTheySayNoAndAddsGoodNewsWhenTheySayYes() {
		String id = enrol("Pia Sand", "+17205550151", "America/New_York", "19:47");
		String raf = "+17205550152";
		String rafId = invite(id, "Raf Orr", raf);
		sms(raf, "YES");
		Instant until = consent.ally(rafId).orElseThrow().consentUntil();
		clock.advance(Duration.ofDays(2));

		ResponseEntity<JsonNode> asked = askForProgress(id, rafId, "en");
		assertThat(asked.getStatusCode()).as(String.valueOf(asked.getBody())).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(asked.getBody().get("asking").toString()).isEqualTo("[\"PROGRESS\"]");
		assertThat(asked.getBody().get("consent").asText()).isEqualTo("GRANTED");
		assertThat(lastSentTo(raf)).isEqualTo("Hi Raf, Pia would also like to share some good news with you: a short note "
				+ "when they reach a step they chose to share. Never what they tell us. Your other alerts stay as they are. "
				+ "Reply YES or NO.");
		assertThat(consent.consentHolds(rafId, AlertKind.PROGRESS)).as("asked is not agreed").isFalse();
		assertThat(consent.consentHolds(rafId, AlertKind.MISSED_CHECK_INS)).isTrue();

		ResponseEntity<JsonNode> again = askForProgress(id, rafId, "en");
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(again.getBody().get("errors").get(0).get("field").asText()).isEqualTo("allyId");
		assertThat(again.getBody().get("detail").asText()).contains("still waiting for their answer");

		sms(raf, "No");
		assertThat(lastSentTo(raf)).isEqualTo("Understood, Raf. No good news notes, then; the alerts you agreed to stay "
				+ "as they are. Thank you for letting us know.");
		assertThat(status(rafId)).isEqualTo("GRANTED");
		assertThat(consent.consentHolds(rafId, AlertKind.MISSED_CHECK_INS)).as("a NO to more keeps what was agreed").isTrue();
		assertThat(consent.consentHolds(rafId, AlertKind.BACK_IN_TOUCH)).isTrue();
		assertThat(consent.consentHolds(rafId, AlertKind.PROGRESS)).isFalse();
		assertThat(consent.ally(rafId).orElseThrow().kinds()).containsExactly(AlertKind.MISSED_CHECK_INS,
				AlertKind.BACK_IN_TOUCH);
		assertThat(consent.ally(rafId).orElseThrow().asking()).isEmpty();
		assertThat(consent.ally(rafId).orElseThrow().consentUntil()).isEqualTo(until);

		// Asked again at the participant's request, a YES adds good news for the rest of the same term.
		assertThat(askForProgress(id, rafId, "en").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		sms(raf, "yes please");
		assertThat(lastSentTo(raf)).startsWith("Thank you, Raf. When Pia reaches a step they chose to share, we'll let you "
				+ "know, as well as the alerts you already get.");
		assertThat(consent.consentHolds(rafId, AlertKind.PROGRESS)).isTrue();
		assertThat(consent.consentHolds(rafId, AlertKind.MISSED_CHECK_INS)).isTrue();
		assertThat(consent.ally(rafId).orElseThrow().consentUntil()).as("the term is not stretched").isEqualTo(until);
		assertThat(consent.alliesWhoConsented(new ParticipantId(id), AlertKind.PROGRESS)).extracting(AllyView::id)
			.containsExactly(rafId);
		assertThat(ledger(id)).extracting(entry -> entry.change().name()).containsExactly("REQUESTED", "GRANTED",
				"ADDITION_REQUESTED", "ADDITION_DECLINED", "ADDITION_REQUESTED", "ADDITION_GRANTED");

		ResponseEntity<JsonNode> agreed = askForProgress(id, rafId, "es");
		assertThat(agreed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(agreed.getBody().get("title").asText()).isEqualTo("Ahora no se pueden pedir buenas noticias");
		assertThat(agreed.getBody().get("detail").asText()).contains("ya aceptó las buenas noticias (PROGRESS)");

		// STOP ALERTS still ends it all at once, good news included.
		sms(raf, "STOP ALERTS");
		assertThat(consent.consentHolds(rafId, AlertKind.PROGRESS)).isFalse();
		assertThat(consent.consentHolds(rafId, AlertKind.MISSED_CHECK_INS)).isFalse();
	}

	@Test
	void anAllyWhoReadsSpanishIsAskedForGoodNewsInSpanishAndOnlyAConsentInForceCanBeAskedForMore() {
		String id = enrol("Teo Lara", "+17205550161", "America/New_York", "19:48");
		String uma = "+17205550162";
		ResponseEntity<JsonNode> invited = coach().postForEntity("/api/participants/" + id + "/allies",
				Map.of("name", "Uma Vidal", "phone", uma, "language", "es"), JsonNode.class);
		String umaId = invited.getBody().get("id").asText();

		ResponseEntity<JsonNode> waiting = askForProgress(id, umaId, "en");
		assertThat(waiting.getStatusCode()).as("their invitation still waits").isEqualTo(HttpStatus.CONFLICT);
		assertThat(waiting.getBody().get("detail").asText()).contains("still waiting for their answer");

		sms(uma, "sí");
		assertThat(askForProgress(id, umaId, "en").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(lastSentTo(uma)).isEqualTo("Hola Uma, Teo también quiere compartir contigo buenas noticias: un aviso "
				+ "breve cuando alcance un logro que quiera compartir. Nunca lo que nos cuenta. Tus otros avisos siguen "
				+ "igual. Responde SÍ o NO.");
		sms(uma, "no");
		assertThat(lastSentTo(uma)).isEqualTo("Entendido, Uma. Sin avisos de buenas noticias, entonces; los avisos que "
				+ "aceptaste siguen igual. Gracias por decírnoslo.");
		assertThat(consent.consentHolds(umaId, AlertKind.MISSED_CHECK_INS)).isTrue();
		assertThat(askForProgress(id, umaId, "en").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		sms(uma, "Sí");
		assertThat(lastSentTo(uma)).startsWith("Gracias, Uma. Cuando Teo alcance un logro que quiera compartir, te avisaremos");
		assertThat(consent.consentHolds(umaId, AlertKind.PROGRESS)).isTrue();

		// Someone who said no to being an ally at all is named again, never asked for more.
		String vic = "+17205550163";
		String vicId = invite(id, "Vic Amos", vic);
		sms(vic, "no");
		ResponseEntity<JsonNode> none = askForProgress(id, vicId, "en");
		assertThat(none.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(none.getBody().get("errors").get(0).get("message").asText()).isEqualTo("ally " + vicId + " has no consent in force "
				+ "(consent DECLINED): name them again with PROGRESS among the kinds (POST /api/participants/" + id + "/allies)");
		ResponseEntity<JsonNode> unknown = askForProgress(id, "no-such-ally", "en");
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(ledger(id)).filteredOn(entry -> entry.allyId().equals(vicId)).extracting(entry -> entry.change().name())
			.containsExactly("REQUESTED", "DECLINED");
	}

	private ResponseEntity<JsonNode> askForProgress(String participant, String allyId, String language) {
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.set(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, language);
		return coach().exchange("/api/participants/" + participant + "/allies/" + allyId + "/progress", HttpMethod.POST,
				new org.springframework.http.HttpEntity<>(headers), JsonNode.class);
	}

	private String invite(String participant, String name, String phone) {
		ResponseEntity<JsonNode> invited = coach().postForEntity("/api/participants/" + participant + "/allies",
				Map.of("name", name, "phone", phone), JsonNode.class);
		assertThat(invited.getStatusCode()).as(String.valueOf(invited.getBody())).isEqualTo(HttpStatus.CREATED);
		return invited.getBody().get("id").asText();
	}

	private String status(String allyId) {
		return consent.ally(allyId).orElseThrow().consent();
	}

	private List<ConsentRecord> ledger(String participant) {
		return consent.ledger(new ParticipantId(participant));
	}
}
