package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
 * Going quiet, end to end through the fake Twilio: the escalation ladder over days with the exact
 * message each party receives, acknowledgement, return, pause, crisis after STOP, and consent
 * that holds at the moment each alert is sent. Runs in the same application context as
 * {@link LoopIntegrationTests}.
 */
class EscalationIntegrationTests extends LoopTestSupport {

	static final String CHECK_IN = "Hi %s, it's check-in time. How are you feeling today, from 1 (low) to 5 (great)?";

	@Autowired
	EscalationService escalation;

	@Autowired
	org.reconnect.messaging.Messenger messenger;

	@Test
	void theLadderClimbsOverDaysAndStopsWhenTheParticipantIsBack() {
		String nia = "+16465550101";
		String omar = "+16465550102";
		String lena = "+16465550103";
		String id = enrol("Nia Brooks", nia, "America/New_York", "10:00");
		String omarId = invite(id, "Omar Diaz", omar, null, null);
		sms(omar, "YES");
		String lenaId = invite(id, "Lena Fox", lena, "Europe/Madrid", null);
		sms(lena, "yes");
		assertThat(state(id)).isEqualTo("NEW");

		// Friday 16:00Z (11:00 in New York): today's check-in goes out, and goes unanswered.
		startCheckIn(id);
		clock.advance(Duration.ofHours(6));
		conversations.expireDue();
		assertThat(state(id)).isEqualTo("LATE");
		escalation.sweep();
		assertThat(sentTo(nia)).hasSize(1);

		// Two hours late: a gentle nudge to Nia herself, nobody else.
		clock.advance(Duration.ofHours(2));
		escalation.sweep();
		assertThat(lastSentTo(nia)).isEqualTo("Hi Nia, just thinking of you. No pressure: a word back any time is enough.");
		clock.set(Instant.parse("2030-03-09T21:59:00Z"));
		escalation.sweep();
		assertThat(coachMessagesAbout("Nia")).isEmpty();

		// 24 hours: the coach, by SMS; she now counts as quiet.
		clock.set(Instant.parse("2030-03-09T22:00:00Z"));
		escalation.sweep();
		assertThat(coachMessagesAbout("Nia"))
			.containsExactly("Reconnect: Nia hasn't checked in since Friday. Reply OK when you've seen this.");
		assertThat(state(id)).isEqualTo("QUIET");

		// 48 hours, Sunday 18:00 in New York: Omar at once; Lena in Madrid, where it is 23:00, waits for morning.
		clock.set(Instant.parse("2030-03-10T22:00:00Z"));
		escalation.sweep();
		String omarAlert = "Hi Omar, Nia hasn't checked in since Friday. A short, friendly message from you could mean "
				+ "a lot; no need to mention this note. Reply OK if you'll reach out, or STOP ALERTS to stop these.";
		assertThat(lastSentTo(omar)).isEqualTo(omarAlert);
		assertThat(sentTo(lena)).hasSize(2);
		clock.set(Instant.parse("2030-03-11T06:59:00Z"));
		escalation.sweep();
		assertThat(sentTo(lena)).hasSize(2);
		clock.set(Instant.parse("2030-03-11T07:00:00Z"));
		escalation.sweep();
		assertThat(lastSentTo(lena)).startsWith("Hi Lena, Nia hasn't checked in since Friday.");

		// Omar has it in hand.
		clock.set(Instant.parse("2030-03-11T07:30:00Z"));
		sms(omar, "ok");
		assertThat(lastSentTo(omar)).isEqualTo("Thank you, Omar. Noted; we won't send more reminders about this.");
		JsonNode acknowledged = coach().getForObject("/api/participants/" + id + "/responsiveness", JsonNode.class);
		assertThat(acknowledged.get("acknowledgedBy").asText()).isEqualTo("ally:" + omarId);
		clock.advance(Duration.ofDays(1));
		escalation.sweep();
		assertThat(sentTo(omar)).as("never twice in one episode").hasSize(4);
		assertThat(sentTo(lena)).hasSize(3);

		// Nia writes: the ladder stops, and everyone alerted hears she's back.
		clock.set(Instant.parse("2030-03-12T15:00:00Z"));
		sms(nia, "hi, sorry, rough few days");
		assertThat(state(id)).isEqualTo("ON_TIME");

		assertThat(sentTo(nia)).containsExactly(CHECK_IN.formatted("Nia"),
				"Hi Nia, just thinking of you. No pressure: a word back any time is enough.",
				"Thanks for writing, Nia. I'll check in with you at 10:00. Text HELP for options.");
		assertThat(sentTo(omar)).containsExactly(
				"Hi Omar, Nia asked if you'd be their check-in ally for a year: a short note if they go quiet for a "
						+ "while, and when they're back. Never what they tell us. Reply YES or NO. STOP ALERTS ends it any "
						+ "time.",
				"Thank you, Omar. If Nia goes quiet for a while, we'll let you know. Reply STOP ALERTS any time.",
				omarAlert, "Thank you, Omar. Noted; we won't send more reminders about this.",
				"Hi Omar, good news: Nia is back in touch. Thank you for being there.");
		assertThat(sentTo(lena)).hasSize(4).last().isEqualTo("Hi Lena, good news: Nia is back in touch. Thank you for being there.");
		assertThat(coachMessagesAbout("Nia")).containsExactly(
				"Reconnect: Nia hasn't checked in since Friday. Reply OK when you've seen this.",
				"Reconnect: Nia is back in touch. Thank you.");
		escalation.sweep();
		assertThat(sentTo(omar)).hasSize(5);

		// The audit log tells the story with ids and reasons, never numbers or words.
		ResponseEntity<String> audit = coach().getForEntity("/api/participants/" + id + "/audit", String.class);
		assertThat(audit.getBody()).contains("CONSENT_REQUESTED", "CONSENT_GRANTED", "CHECK_IN_MISSED", "EPISODE_OPENED",
				"STEP_DUE", "\"ALERT\"", "ACKNOWLEDGED", "SIGN_OF_LIFE", "EPISODE_CLOSED", "ally:" + lenaId)
			.doesNotContain(nia, omar, lena, "6465550", "rough", "Omar", "Nia Brooks");
	}

	@Test
	void anAllyWithALanguageOfTheirOwnIsAlertedAndThankedInIt() {
		String kai = "+16465550193";
		String rosa = "+16465550194";
		String id = enrol("Ezra Moss", kai, "America/New_York", "10:10");
		ResponseEntity<JsonNode> invited = coach().postForEntity("/api/participants/" + id + "/allies",
				Map.of("name", "Rosa Vega", "phone", rosa, "language", "es"), JsonNode.class);
		assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(invited.getBody().get("language").asText()).isEqualTo("es");
		sms(rosa, "sí");

		startCheckIn(id);
		clock.advance(Duration.ofHours(6));
		conversations.expireDue();
		clock.advance(Duration.ofDays(2));
		escalation.sweep();
		assertThat(lastSentTo(rosa)).as("Ezra writes in English; Rosa reads Spanish")
			.startsWith("Hola Rosa, Ezra no responde desde el viernes.")
			.as("the way to stop alerts is named in Rosa's words")
			.endsWith("Responde OK si le escribirás, o PARAR AVISOS para dejar de recibirlas.");
		assertThat(coachMessagesAbout("Ezra")).containsExactly(
				"Reconnect: Ezra hasn't checked in since Friday. Reply OK when you've seen this.");

		sms(rosa, "ok");
		assertThat(lastSentTo(rosa)).isEqualTo("Gracias, Rosa. Anotado; no enviaremos más recordatorios sobre esto.");
	}

	@Test
	void theCoachsAcknowledgementStopsTheLadderAboveTheCoach() {
		String ivy = "+16465550111";
		String theo = "+16465550112";
		String id = enrol("Ivy Stone", ivy, "America/New_York", "10:05");
		invite(id, "Theo Marsh", theo, null, null);
		sms(theo, "YES");
		ResponseEntity<JsonNode> nothing = coach().postForEntity("/api/participants/" + id + "/acknowledgements", null,
				JsonNode.class);
		assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(nothing.getBody().get("title").asText()).isEqualTo("Nothing to acknowledge");

		startCheckIn(id);
		clock.advance(Duration.ofHours(6));
		conversations.expireDue();
		clock.advance(Duration.ofHours(24));
		escalation.sweep();
		assertThat(coachMessagesAbout("Ivy")).hasSize(1);
		assertThat(coach().postForEntity("/api/participants/" + id + "/acknowledgements", null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		clock.advance(Duration.ofDays(3));
		escalation.sweep();
		assertThat(sentTo(theo)).as("the allies' step is above the coach's").hasSize(2);
		JsonNode responsiveness = coach().getForObject("/api/participants/" + id + "/responsiveness", JsonNode.class);
		assertThat(responsiveness.get("acknowledgedBy").asText()).isEqualTo("coach:coach");
		assertThat(responsiveness.get("state").asText()).isEqualTo("QUIET");

		sms(ivy, "3");
		assertThat(coachMessagesAbout("Ivy")).last().isEqualTo("Reconnect: Ivy is back in touch. Thank you.");
		assertThat(sentTo(theo)).as("Theo was never alerted, so he has nothing to be told").hasSize(2);
	}

	@Test
	void theCoachCanAcknowledgeByTextingOk() {
		String max = "+16465550116";
		String rue = "+16465550117";
		// A coach's OK answers their newest alert: months after the other tests' alerts, this one is it.
		clock.set(Instant.parse("2035-06-07T14:00:00Z"));
		String id = enrol("Max Bell", max, "America/New_York", "10:10");
		invite(id, "Rue Park", rue, null, null);
		sms(rue, "YES");
		startCheckIn(id);
		clock.advance(Duration.ofHours(6));
		conversations.expireDue();
		clock.advance(Duration.ofHours(24));
		escalation.sweep();
		assertThat(coachMessagesAbout("Max")).hasSize(1);

		sms(COACH_PHONE, "OK");

		JsonNode responsiveness = coach().getForObject("/api/participants/" + id + "/responsiveness", JsonNode.class);
		assertThat(responsiveness.get("acknowledgedBy").asText()).isEqualTo("coach:coach");
		clock.advance(Duration.ofDays(3));
		escalation.sweep();
		assertThat(sentTo(rue)).as("the allies' step is above the coach's").hasSize(2);
	}

	@Test
	void noEscalationWhilePausedAndAKindWordWhenThePauseEnds() {
		String kai = "+16465550121";
		String lia = "+16465550122";
		String id = enrol("Kai Young", kai, "America/New_York", "09:15");
		invite(id, "Lia Ford", lia, null, null);
		sms(lia, "YES");
		startCheckIn(id);
		clock.advance(Duration.ofHours(6));
		conversations.expireDue();
		assertThat(state(id)).isEqualTo("LATE");

		// The coach pauses for Kai (a hospital stay) while the ladder has begun: it stops.
		ResponseEntity<JsonNode> paused = coach().postForEntity("/api/participants/" + id + "/pause",
				Map.of("until", "2030-03-11T13:00:00Z"), JsonNode.class);
		assertThat(paused.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(lastSentTo(kai)).isEqualTo(
				"Hi Kai, your check-ins are paused until Monday 11 March, 09:00, as arranged with your coach. Take good care.");
		assertThat(state(id)).isEqualTo("PAUSED");
		assertThat(coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		clock.set(Instant.parse("2030-03-11T12:59:00Z"));
		escalation.sweep();
		assertThat(sentTo(kai)).hasSize(2);
		assertThat(sentTo(lia)).as("no escalation while paused").hasSize(2);
		assertThat(coachMessagesAbout("Kai")).isEmpty();

		clock.set(Instant.parse("2030-03-11T13:00:00Z"));
		escalation.sweep();
		assertThat(lastSentTo(kai)).isEqualTo("Welcome back, Kai. Your check-ins start again at 09:15. Glad you're here.");
		assertThat(state(id)).isEqualTo("ON_TIME");
		escalation.sweep();
		assertThat(sentTo(kai)).hasSize(3);

		// Kai pauses himself by SMS, and comes back early.
		sms(kai, "pause for ages");
		assertThat(lastSentTo(kai)).startsWith("To pause, send e.g. PAUSE 3 days or PAUSE until Monday");
		sms(kai, "PAUSE 3 days");
		assertThat(lastSentTo(kai))
			.isEqualTo("Paused until Thursday 14 March, 09:00. Take good care, Kai. Text RESUME any time to start again.");
		assertThat(state(id)).isEqualTo("PAUSED");
		assertThat(coach().postForEntity("/api/participants/" + id + "/pause", Map.of("until", "2029-01-01T00:00:00Z"),
				JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		sms(kai, "resume");
		assertThat(lastSentTo(kai)).isEqualTo("Welcome back, Kai. Your check-ins start again at 09:15. Glad you're here.");
		sms(kai, "RESUME");
		assertThat(lastSentTo(kai)).isEqualTo("You're not paused, Kai. Your next check-in is at 09:15 as usual.");
		assertThat(sentTo(lia)).hasSize(2);
		assertThat(coach().getForObject("/api/participants/" + id + "/audit", String.class)).contains("\"PAUSED\"",
				"\"RESUMED\"", "coach:coach");
	}

	@Test
	void aParticipantWhoTextedStopCanStillWriteInCrisisAndTheCoachIsReachedAtOnce() {
		String rio = "+16465550131";
		String ana = "+16465550132";
		String ben = "+16465550133";
		String id = enrol("Rio Park", rio, "America/New_York", "10:10");
		invite(id, "Ana Cruz", ana, null, List.of("MISSED_CHECK_INS", "BACK_IN_TOUCH", "CRISIS"));
		sms(ana, "YES");
		invite(id, "Ben Ode", ben, null, null);
		sms(ben, "YES");
		assertThat(sentTo(ana).get(0)).contains("or if they need someone right away");

		sms(rio, "STOP");
		clock.set(Instant.parse("2030-03-09T07:00:00Z")); // 02:00 in New York: crisis knows no quiet hours
		sms(rio, "I want to end it all");

		assertThat(sentTo(rio)).as("Twilio refuses replies after STOP; only the STOP confirmation went").hasSize(1);
		assertThat(coachMessagesAbout("Rio")).last().asString()
			.startsWith("Reconnect: Rio Park just wrote in crisis. Crisis resources were NOT deliverable (opted out).");
		assertThat(lastSentTo(ana)).isEqualTo("Hi Ana, Rio could use a caring voice right now. Please call them if you "
				+ "can. If you think they are in danger, call 911.");
		assertThat(sentTo(ben)).as("no specific consent for crisis").hasSize(2);
		String audit = coach().getForObject("/api/participants/" + id + "/audit", String.class);
		assertThat(audit).contains("resources not deliverable (opted out or refused); coach told at once")
			.contains("crisis notice by SMS: SENT")
			.contains("covered by a crisis consent");
		assertThat(coach().getForObject("/api/attention", JsonNode.class).findValuesAsString("outcome"))
			.contains("RESOURCES_NOT_DELIVERED");
		assertThat(state(id)).isEqualTo("OPTED_OUT");
	}

	@Test
	void anAllyWhoNeverAnswersSaysNoOrSaysYesTooLateIsNeverAlerted() {
		String uma = "+16465550141";
		String vic = "+16465550142";
		String wes = "+16465550143";
		String xia = "+16465550144";
		String id = enrol("Uma Bell", uma, "America/New_York", "10:20");
		invite(id, "Vic Lane", vic, null, null);
		invite(id, "Wes Hale", wes, null, null);
		invite(id, "Xia Wu", xia, null, null);
		sms(wes, "No");
		assertThat(lastSentTo(wes)).startsWith("Understood, Wes. You won't get any alerts.");
		clock.advance(Duration.ofDays(8));
		sms(xia, "YES");
		assertThat(lastSentTo(xia)).startsWith("Thank you for answering. That request has expired");
		assertThat(consents(id)).containsExactly("EXPIRED", "DECLINED", "EXPIRED");

		missAndClimb(id);
		assertThat(sentTo(vic)).hasSize(1);
		assertThat(sentTo(wes)).hasSize(2);
		assertThat(sentTo(xia)).hasSize(2);
		assertThat(coachMessagesAbout("Uma")).hasSize(1);
	}

	@Test
	void consentRevokedAfterTheAlertWasScheduledMeansNoAlert() {
		String zed = "+16465550151";
		String mia = "+16465550152";
		String noa = "+16465550153";
		String id = enrol("Zed Amos", zed, "America/New_York", "10:25");
		String miaId = invite(id, "Mia Sol", mia, "Europe/Madrid", null);
		sms(mia, "YES");
		invite(id, "Noa Reyes", noa, null, null);
		sms(noa, "YES");
		startCheckIn(id);
		clock.advance(Duration.ofHours(6));
		conversations.expireDue();

		// The allies' step falls due at 23:00 in Madrid: Mia's alert waits for her morning...
		clock.set(Instant.parse("2030-03-10T22:00:00Z"));
		escalation.sweep();
		assertThat(sentTo(noa)).hasSize(3);
		assertThat(sentTo(mia)).hasSize(2);
		// ...and in the night Zed asks the coach to take Mia off: the alert is never sent.
		clock.set(Instant.parse("2030-03-11T06:59:59Z"));
		assertThat(coach().exchange("/api/participants/" + id + "/allies/" + miaId, HttpMethod.DELETE, null, Void.class)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		clock.set(Instant.parse("2030-03-11T07:00:00Z"));
		escalation.sweep();
		assertThat(sentTo(mia)).hasSize(2);
		assertThat(coach().getForObject("/api/participants/" + id + "/audit", String.class))
			.contains("not sent: no active consent for MISSED_CHECK_INS at send time");
		assertThat(coach().exchange("/api/participants/" + id + "/allies/" + miaId, HttpMethod.DELETE, null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		// Zed removes Noa himself by SMS; she hears nothing more, not even that he is back.
		sms(zed, "REMOVE Noa");
		assertThat(lastSentTo(zed)).isEqualTo("Done. Noa won't be told anything from now on.");
		assertThat(sentTo(noa)).hasSize(3);
		assertThat(consents(id)).containsExactly("REVOKED", "REVOKED");
		JsonNode ledger = coach().getForObject("/api/participants/" + id + "/consents", JsonNode.class);
		assertThat(ledger.findValuesAsString("change")).containsExactly("REQUESTED", "GRANTED", "REQUESTED", "GRANTED",
				"REVOKED", "REVOKED");
		assertThat(ledger.findValuesAsString("by")).containsSequence("coach:coach", "participant");
	}

	@Test
	void consentLapsesAfterItsYearUnlessTheAllyRenews() {
		String ola = "+16465550161";
		String pia = "+16465550162";
		String quin = "+16465550163";
		String id = enrol("Ola Berg", ola, "America/New_York", "10:30");
		invite(id, "Pia Lund", pia, null, null);
		sms(pia, "YES");
		invite(id, "Quin Shaw", quin, null, null);
		sms(quin, "YES");

		clock.set(START.plus(Duration.ofDays(352)));
		escalation.sweep();
		assertThat(lastSentTo(pia)).isEqualTo("Hi Pia, your agreement to hear if Ola goes quiet ends on March 8, 2031. "
				+ "Reply YES to keep it for another year, or do nothing and it simply ends.");
		escalation.sweep();
		assertThat(sentTo(pia)).as("prompted once").hasSize(3);
		sms(pia, "YES");
		assertThat(lastSentTo(pia)).startsWith("Thank you, Pia. You'll keep hearing if Ola goes quiet.");

		clock.set(START.plus(Duration.ofDays(366)));
		assertThat(consents(id)).containsExactly("GRANTED", "LAPSED");
		missAndClimb(id);
		assertThat(lastSentTo(pia)).startsWith("Hi Pia, Ola hasn't checked in since");
		assertThat(sentTo(quin)).hasSize(3);
	}

	@Test
	void anAllyWhoIsAlsoAParticipantKeepsBothRolesApart() {
		String ray = "+16465550171";
		String sol = "+16465550172";
		String rayId = enrol("Ray Lowe", ray, "America/New_York", "10:35");
		String solId = enrol("Sol Vega", sol, "America/New_York", "10:40");
		invite(rayId, "Sol Vega", sol, null, null);
		sms(sol, "YES");
		assertThat(lastSentTo(sol)).startsWith("Thank you, Sol. If Ray goes quiet");
		assertThat(coach().getForObject("/api/participants/" + solId + "/allies", JsonNode.class)).isEmpty();

		missAndClimb(rayId);
		assertThat(lastSentTo(sol)).startsWith("Hi Sol, Ray hasn't checked in since");
		assertThat(state(solId)).as("Sol's own record is untouched by being an ally").isIn("ON_TIME", "NEW");
		sms(sol, "OK");
		assertThat(lastSentTo(sol)).isEqualTo("Thank you, Sol. Noted; we won't send more reminders about this.");
		assertThat(coach().getForObject("/api/participants/" + rayId + "/responsiveness", JsonNode.class)
			.get("acknowledgedBy")
			.asText()).startsWith("ally:");
	}

	@Test
	void aParticipantAskedToBeAnAllyHasTheirOwnCheckInAndTheInvitationKeptApart() {
		String jo = "+16465550211";
		String kim = "+16465550212";
		String joId = enrol("Jo Reed", jo, "America/New_York", "11:10");
		String kimId = enrol("Kim Lee", kim, "America/New_York", "11:15");
		startCheckIn(kimId);
		clock.advance(Duration.ofMinutes(1));
		invite(joId, "Kim Lee", kim, null, null);
		clock.advance(Duration.ofMinutes(1));

		// The invitation asked last, but "4" does not answer it: Kim's own check-in takes it, and
		// asks next; so the "no" that follows answers the check-in, not the invitation.
		sms(kim, "4");
		assertThat(lastSentTo(kim)).isEqualTo("Thank you. Any cravings today? (yes/no)");
		clock.advance(Duration.ofMinutes(1));
		sms(kim, "no");
		assertThat(consents(joId)).containsExactly("REQUESTED");
		assertThat(lastSentTo(kim)).doesNotStartWith("Understood, Kim.");
		clock.advance(Duration.ofMinutes(1));
		sms(kim, "my brother");
		assertThat(coach().getForObject("/api/participants/" + kimId + "/conversations", JsonNode.class)
			.findValuesAsString("status")).doesNotContain("ACTIVE");

		// With the check-in over, a yes is the invitation's.
		clock.advance(Duration.ofMinutes(1));
		sms(kim, "yes");
		assertThat(consents(joId)).containsExactly("GRANTED");
		assertThat(lastSentTo(kim)).startsWith("Thank you, Kim. If Jo goes quiet");
	}

	@Test
	void theSamePhoneCanBeAnAllyOfTwoParticipantsWithSeparateConsents() {
		String tia = "+16465550181";
		String uri = "+16465550182";
		String val = "+16465550183";
		String tiaId = enrol("Tia Roth", tia, "America/New_York", "10:45");
		String uriId = enrol("Uri Dane", uri, "America/New_York", "10:50");
		invite(uriId, "Val Ng", val, null, null);
		// a number is asked one thing at a time: Val is named for Tia once he has answered for Uri
		assertThat(coach().postForEntity("/api/participants/" + tiaId + "/allies", Map.of("name", "Val Ng", "phone", val),
				JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		sms(val, "YES");
		assertThat(consents(uriId)).containsExactly("GRANTED");
		assertThat(consents(tiaId)).isEmpty();
		invite(tiaId, "Val Ng", val, null, null);
		assertThat(consents(tiaId)).as("one YES answers one request").containsExactly("REQUESTED");

		missAndClimb(tiaId);
		assertThat(sentTo(val).stream().filter(text -> text.contains("hasn't checked in"))).isEmpty();
		missAndClimb(uriId);
		assertThat(lastSentTo(val)).startsWith("Hi Val, Uri hasn't checked in since");
		sms(val, "yes");
		assertThat(consents(tiaId)).containsExactly("GRANTED");

		sms(val, "STOP ALERTS");
		assertThat(lastSentTo(val)).isEqualTo("Done. You won't get any more alerts. Thank you for being there.");
		assertThat(consents(tiaId)).containsExactly("WITHDRAWN");
		assertThat(consents(uriId)).containsExactly("WITHDRAWN");
	}

	@Test
	void anAllysStopOrCrisisWordsAreNeverTakenForTheParticipants() {
		String gus = "+16465550201";
		String hal = "+16465550202";
		String ida = "+16465550203";
		String id = enrol("Gus Lamb", gus, "America/New_York", "11:05");
		invite(id, "Hal Moss", hal, null, List.of("MISSED_CHECK_INS", "BACK_IN_TOUCH", "CRISIS"));
		sms(hal, "YES");
		invite(id, "Ida Kerr", ida, null, null);

		// Ida, still being asked, writes in crisis: resources for her at once, but it is not Gus's
		// crisis, so Hal (who agreed to hear of Gus's) hears nothing, and her invitation waits.
		sms(ida, "I want to end it all");
		assertThat(lastSentTo(ida)).startsWith("You're not alone, and you matter.");
		assertThat(sentTo(hal)).hasSize(2);
		assertThat(coach().getForObject("/api/participants/" + id + "/audit", JsonNode.class).findValuesAsString("kind"))
			.doesNotContain("CRISIS");
		assertThat(consents(id)).containsExactly("GRANTED", "REQUESTED");
		sms(ida, "yes");
		assertThat(lastSentTo(ida)).startsWith("Thank you, Ida.");

		// Hal texts STOP: his consent is withdrawn at once, said once; coming back does not revive it.
		sms(hal, "STOP");
		assertThat(lastSentTo(hal)).isEqualTo("You won't get any more messages from Reconnect. Text START any time to come back.");
		assertThat(consents(id)).containsExactly("WITHDRAWN", "GRANTED");
		sms(hal, "START");
		assertThat(sentTo(hal)).hasSize(4);
		missAndClimb(id);
		assertThat(sentTo(hal)).as("no alert without consent").hasSize(4);
		assertThat(lastSentTo(ida)).startsWith("Hi Ida, Gus hasn't checked in since");
	}

	@Test
	void aParticipantCanBeExportedAndErased() {
		String eli = "+16465550191";
		String fay = "+16465550192";
		String id = enrol("Eli Marsh", eli, "America/New_York", "10:55");
		invite(id, "Fay Tran", fay, null, null);
		sms(fay, "YES");
		startCheckIn(id);
		sms(eli, "4");
		clock.advance(Duration.ofMinutes(1));
		sms(eli, "no");
		sms(eli, "my neighbour Jo");

		JsonNode export = coach().getForObject("/api/participants/" + id + "/export", JsonNode.class);
		assertThat(export.get("profile").get("phone").asText()).isEqualTo(eli);
		assertThat(export.get("conversations").findValuesAsString("connection")).contains("my neighbour Jo");
		assertThat(export.get("allies").findValuesAsString("name")).contains("Fay Tran");
		assertThat(export.get("consentLedger").findValuesAsString("change")).contains("REQUESTED", "GRANTED");
		assertThat(export.get("escalation").get("audit")).isNotEmpty();
		assertThat(export.get("messagesSent")).isNotEmpty();
		int auditBefore = export.get("escalation").get("audit").size();

		assertThat(coach().exchange("/api/participants/" + id, HttpMethod.DELETE, HttpEntity.EMPTY, Void.class)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(coach().getForEntity("/api/participants/" + id, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(coach().getForObject("/api/participants", JsonNode.class).findValuesAsString("phone")).doesNotContain(eli);
		assertThat(conversations.history(new org.reconnect.participants.ParticipantId(id))).isEmpty();
		assertThat(messenger.recent(eli, 50)).as("the messages sent to them, text included").isEmpty();
		assertThat(escalation.audit(new org.reconnect.participants.ParticipantId(id))).as("audit entries stay, without personal data")
			.hasSizeGreaterThan(auditBefore)
			.allSatisfy(entry -> assertThat(entry.toString()).doesNotContain(eli, fay, "Eli", "Fay", "neighbour"));
	}

	// --- helpers

	private String invite(String participant, String name, String phone, String zone, List<String> kinds) {
		Map<String, Object> request = new HashMap<>(Map.of("name", name, "phone", phone));
		if (zone != null) {
			request.put("timeZone", zone);
		}
		if (kinds != null) {
			request.put("kinds", kinds);
		}
		ResponseEntity<JsonNode> invited = coach().postForEntity("/api/participants/" + participant + "/allies", request,
				JsonNode.class);
		assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return invited.getBody().get("id").asText();
	}

	private void startCheckIn(String participant) {
		assertThat(coach().postForEntity("/api/participants/" + participant + "/check-ins", null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	/** A check-in goes unanswered and the default ladder climbs to the allies, in daylight. */
	private void missAndClimb(String participant) {
		Instant now = clock.instant();
		Instant noonInNewYork = now.atZone(java.time.ZoneId.of("America/New_York"))
			.toLocalDate()
			.plusDays(1)
			.atTime(11, 0)
			.atZone(java.time.ZoneId.of("America/New_York"))
			.toInstant();
		clock.set(noonInNewYork);
		startCheckIn(participant);
		clock.advance(Duration.ofHours(6));
		conversations.expireDue();
		clock.advance(Duration.ofHours(48));
		escalation.sweep();
	}

	private String state(String participant) {
		return coach().getForObject("/api/participants/" + participant + "/responsiveness", JsonNode.class)
			.get("state")
			.asText();
	}

	private List<String> consents(String participant) {
		return coach().getForObject("/api/participants/" + participant + "/allies", JsonNode.class)
			.findValuesAsString("consent");
	}

	private static List<String> coachMessagesAbout(String firstName) {
		return sentTo(COACH_PHONE).stream().filter(text -> text.contains(firstName)).toList();
	}
}
