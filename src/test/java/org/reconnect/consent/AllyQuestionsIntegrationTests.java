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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * An ally's number is asked one question at a time, so that their YES answers what they were
 * asked: a coach's question meanwhile is refused with a problem that names the open one and says
 * when to try again; a renewal waits for the next sweep, and one asked late may still be answered
 * for the time to answer; and a number two participants named never grants consent for the one it
 * was not asked about.
 */
class AllyQuestionsIntegrationTests extends LoopTestSupport {

	private static final Duration VALID_FOR = Duration.ofDays(365);

	@Autowired
	ConsentService consent;

	@Test
	void aCoachAskingForGoodNewsWhileARenewalIsOpenIsRefusedAndTheNextYesRenews() {
		String id = enrol("Abe Moss", "+17205550201", "America/New_York", "19:41");
		String bea = "+17205550202";
		String beaId = invite(id, "Bea Lund", bea);
		sms(bea, "YES");
		Instant until = consent.ally(beaId).orElseThrow().consentUntil();
		clock.set(until.minus(Duration.ofDays(14)));
		consent.promptRenewals();
		assertThat(lastSentTo(bea)).startsWith("Hi Bea, your agreement to hear if Abe goes quiet ends on");
		int sent = sentTo(bea).size();

		clock.advance(Duration.ofDays(1));
		ResponseEntity<JsonNode> refused = askForProgress(id, beaId, "en");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(refused.getBody().get("title").asText()).isEqualTo("The ally has a question to answer first");
		assertThat(refused.getBody().get("openQuestion").asText()).isEqualTo("RENEWAL");
		assertThat(refused.getBody().get("tryAfter").asText()).as("the renewal closes when the consent ends")
			.isEqualTo(until.toString());
		assertThat(refused.getBody().get("detail").asText()).isEqualTo("ally " + beaId + " was asked whether to renew "
				+ "their consent and has not answered yet: an ally is asked one thing at a time, so try again once they "
				+ "answer, or after " + until);
		ResponseEntity<JsonNode> enEspañol = askForProgress(id, beaId, "es");
		assertThat(enEspañol.getBody().get("title").asText()).isEqualTo("El aliado tiene antes otra pregunta por responder");
		assertThat(sentTo(bea)).as("nothing more was asked").hasSize(sent);

		sms(bea, "yes");

		assertThat(lastSentTo(bea)).startsWith("Thank you, Bea. You'll keep hearing if Abe goes quiet.");
		assertThat(ledger(id)).extracting(entry -> entry.change().name())
			.containsExactly("REQUESTED", "GRANTED", "RENEWAL_REQUESTED", "RENEWED");
		assertThat(consent.ally(beaId).orElseThrow().consentUntil()).isEqualTo(until.plus(VALID_FOR));
		assertThat(consent.consentHolds(beaId, AlertKind.PROGRESS)).as("a YES to the renewal is not a YES to good news")
			.isFalse();
		assertThat(askForProgress(id, beaId, "en").getStatusCode()).as("answered: good news may be asked now")
			.isEqualTo(HttpStatus.ACCEPTED);
	}

	@Test
	void aRenewalDueWhileGoodNewsIsAskedWaitsForTheAnswerAndIsThenAsked() {
		String id = enrol("Cal Dunn", "+17205550211", "America/New_York", "19:42");
		String dee = "+17205550212";
		String deeId = invite(id, "Dee Park", dee);
		sms(dee, "YES");
		Instant until = consent.ally(deeId).orElseThrow().consentUntil();
		clock.set(until.minus(Duration.ofDays(17)));
		assertThat(askForProgress(id, deeId, "en").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		int sent = sentTo(dee).size();

		clock.set(until.minus(Duration.ofDays(14)));
		consent.promptRenewals();
		clock.advance(Duration.ofDays(1));
		consent.promptRenewals();

		assertThat(sentTo(dee)).as("the renewal waits while good news is asked").hasSize(sent);
		assertThat(ledger(id)).extracting(entry -> entry.change().name()).doesNotContain("RENEWAL_REQUESTED");

		sms(dee, "YES");
		assertThat(lastSentTo(dee)).startsWith("Thank you, Dee. When Cal reaches a step they chose to share");
		assertThat(consent.consentHolds(deeId, AlertKind.PROGRESS)).isTrue();

		consent.promptRenewals();

		assertThat(lastSentTo(dee)).startsWith("Hi Dee, your agreement to hear if Cal goes quiet ends on")
			.endsWith("Reply YES to keep it for another year, or do nothing and it simply ends.");
		sms(dee, "YES");
		assertThat(lastSentTo(dee)).startsWith("Thank you, Dee. You'll keep hearing if Cal goes quiet.");
		assertThat(ledger(id)).extracting(entry -> entry.change().name()).containsExactly("REQUESTED", "GRANTED",
				"ADDITION_REQUESTED", "ADDITION_GRANTED", "RENEWAL_REQUESTED", "RENEWED");
		assertThat(consent.ally(deeId).orElseThrow().consentUntil()).isEqualTo(until.plus(VALID_FOR));
		assertThat(consent.consentHolds(deeId, AlertKind.PROGRESS)).as("renewed with all it covers").isTrue();
	}

	@Test
	void aNumberTwoParticipantsNamedIsAskedForOneAtATimeAndItsYesGrantsOnlyTheOneAsked() {
		String eve = enrol("Eve Hale", "+17205550221", "America/New_York", "19:43");
		String fay = enrol("Fay Ross", "+17205550222", "America/New_York", "19:44");
		String gil = "+17205550223";
		String forEve = invite(eve, "Gil Ames", gil);
		clock.advance(Duration.ofHours(1));

		ResponseEntity<JsonNode> refused = coach().postForEntity("/api/participants/" + fay + "/allies",
				Map.of("name", "Gil Ames", "phone", gil), JsonNode.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		Instant answerBy = START.plus(Duration.ofDays(7));
		assertThat(refused.getBody().get("detail").asText()).as("neither Eve nor her ally is named")
			.isEqualTo("this number has another question from Reconnect still to answer: a number is asked one thing at "
					+ "a time, so try again after " + answerBy);
		assertThat(refused.getBody().has("openQuestion")).isFalse();
		assertThat(consent.allies(new ParticipantId(fay))).isEmpty();

		sms(gil, "YES");

		assertThat(lastSentTo(gil)).startsWith("Thank you, Gil. If Eve goes quiet for a while");
		assertThat(status(forEve)).isEqualTo("GRANTED");
		assertThat(ledger(fay)).as("nothing for the participant Gil was not asked about").isEmpty();

		// Asked about Fay now, his YES is for Fay alone; Eve's consent stays as it was.
		String forFay = invite(fay, "Gil Ames", gil);
		assertThat(lastSentTo(gil)).startsWith("Hi Gil, Fay asked if you'd be their check-in ally");
		sms(gil, "YES");
		assertThat(status(forFay)).isEqualTo("GRANTED");
		assertThat(ledger(eve)).extracting(entry -> entry.change().name()).containsExactly("REQUESTED", "GRANTED");
		assertThat(ledger(fay)).extracting(entry -> entry.change().name()).containsExactly("REQUESTED", "GRANTED");
	}

	@Test
	void renewalsOfOneNumberAreAskedOneAtATimeAndOneAskedLateMayStillBeAnsweredForTheTimeToAnswer() {
		String hal = enrol("Hal Webb", "+17205550231", "America/New_York", "19:45");
		String ivy = enrol("Ivy Cole", "+17205550232", "America/New_York", "19:46");
		String jon = "+17205550233";
		String forHal = invite(hal, "Jon Tate", jon);
		sms(jon, "YES");
		clock.advance(Duration.ofDays(1));
		String forIvy = invite(ivy, "Jon Tate", jon);
		sms(jon, "YES");
		Instant halEnds = consent.ally(forHal).orElseThrow().consentUntil();
		Instant ivyEnds = consent.ally(forIvy).orElseThrow().consentUntil();
		assertThat(ivyEnds).isEqualTo(halEnds.plus(Duration.ofDays(1)));

		// Both fall due: the one ending first is asked; Ivy's waits.
		clock.set(ivyEnds.minus(Duration.ofDays(14)));
		consent.promptRenewals();
		assertThat(lastSentTo(jon)).startsWith("Hi Jon, your agreement to hear if Hal goes quiet ends on");
		consent.promptRenewals();
		assertThat(ledger(ivy)).extracting(entry -> entry.change().name()).containsExactly("REQUESTED", "GRANTED");

		// Jon does not answer Hal's; it closes when Hal's consent ends, and only then is Ivy's asked, a day before
		// it ends: he has the full time to answer from now, and his YES is for Ivy only.
		clock.set(halEnds);
		consent.promptRenewals();
		assertThat(lastSentTo(jon)).startsWith("Hi Jon, your agreement to hear if Ivy goes quiet ends on")
			.contains("You can reply YES until");
		clock.set(ivyEnds.plus(Duration.ofDays(2)));
		assertThat(consent.consentHolds(forIvy, AlertKind.MISSED_CHECK_INS)).as("no alerts after the end until the YES")
			.isFalse();

		sms(jon, "YES");

		Instant yes = clock.instant();
		assertThat(lastSentTo(jon)).startsWith("Thank you, Jon. You'll keep hearing if Ivy goes quiet.");
		assertThat(consent.consentHolds(forIvy, AlertKind.MISSED_CHECK_INS)).isTrue();
		assertThat(consent.ally(forIvy).orElseThrow().consentUntil()).as("a full term from the YES")
			.isEqualTo(yes.plus(VALID_FOR));
		assertThat(status(forHal)).isEqualTo("LAPSED");
		assertThat(ledger(hal)).extracting(entry -> entry.change().name())
			.containsExactly("REQUESTED", "GRANTED", "RENEWAL_REQUESTED");

		// Hal's renewal was asked and closed: a later YES renews nothing it was not asked about.
		clock.advance(Duration.ofDays(1));
		consent.promptRenewals();
		sms(jon, "YES");
		assertThat(status(forHal)).isEqualTo("LAPSED");
		assertThat(ledger(hal)).extracting(entry -> entry.change().name())
			.containsExactly("REQUESTED", "GRANTED", "RENEWAL_REQUESTED");
	}

	private ResponseEntity<JsonNode> askForProgress(String participant, String allyId, String language) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
		return coach().exchange("/api/participants/" + participant + "/allies/" + allyId + "/progress", HttpMethod.POST,
				new HttpEntity<>(headers), JsonNode.class);
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
