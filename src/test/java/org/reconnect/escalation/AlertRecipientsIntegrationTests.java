package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Each alert of the ladder waits out its own recipient's quiet hours in their own zone, and only
 * those: the participant's own (narrower or wider than the organisation's), an ally's, a coach's.
 * And the coach's step reaches only the coach, by SMS or e-mail, or the supervisors when the coach
 * cannot be reached.
 */
class AlertRecipientsIntegrationTests extends LoopTestSupport {

	private static final String PASSWORD = "alert-recipients-pass-2030";

	private static final String NUDGE = "Hi %s, just thinking of you. No pressure: a word back any time is enough.";

	@Autowired
	EscalationService escalation;

	@Test
	void aNudgeKeepsToTheParticipantsOwnNarrowerQuietHours() {
		// Noa's nights are 23:00-06:00, narrower than the organisation's 21:00-08:00.
		String noa = "+16465550701";
		String id = enrol("Noa Hart", noa, "America/New_York", "10:50");
		put("/api/participants/" + id + "/quiet-hours", Map.of("start", "23:00", "end", "06:00"));
		ladder(id, step("nudge", "PT3H", "PARTICIPANT", "nudge"));

		// Friday 13:00 in New York: a check-in, unanswered until it expires at 19:00; the nudge is due at 22:00.
		clock.set(Instant.parse("2030-03-08T18:00:00Z"));
		startCheckIn(id);
		clock.set(Instant.parse("2030-03-09T00:00:00Z"));
		conversations.expireDue();
		clock.set(Instant.parse("2030-03-09T02:59:00Z"));
		escalation.sweep();
		assertThat(sentTo(noa)).doesNotContain(NUDGE.formatted("Noa"));

		clock.set(Instant.parse("2030-03-09T03:00:00Z")); // 22:00 for Noa: her day, not the organisation's night
		escalation.sweep();
		assertThat(lastSentTo(noa)).isEqualTo(NUDGE.formatted("Noa"));
	}

	@Test
	void aNudgeKeepsToTheParticipantsOwnWiderQuietHoursOnce() {
		// Ola's nights are 19:00-09:00: the nudge due at 22:00 waits for 09:00, not 08:00.
		String ola = "+16465550702";
		String id = enrol("Ola Berg", ola, "America/New_York", "10:52");
		put("/api/participants/" + id + "/quiet-hours", Map.of("start", "19:00", "end", "09:00"));
		ladder(id, step("nudge", "PT3H", "PARTICIPANT", "nudge"));

		clock.set(Instant.parse("2030-03-08T18:00:00Z"));
		startCheckIn(id);
		clock.set(Instant.parse("2030-03-09T00:00:00Z"));
		conversations.expireDue();
		clock.set(Instant.parse("2030-03-09T13:00:00Z")); // 08:00 for Ola, still her night
		escalation.sweep();
		drainOutbox();
		assertThat(sentTo(ola)).doesNotContain(NUDGE.formatted("Ola"));

		clock.set(Instant.parse("2030-03-09T14:00:00Z"));
		escalation.sweep();
		drainOutbox();
		assertThat(sentTo(ola)).containsOnlyOnce(NUDGE.formatted("Ola"));
	}

	@Test
	void enrolmentStillReadsTheOldNameZoneAndAnswersTimeZone() {
		ResponseEntity<JsonNode> enrolled = coach().postForEntity("/api/participants", Map.of("name", "Uma Reyes", "phone",
				"+16465550195", "zone", "America/Chicago", "checkInTime", "10:54"), JsonNode.class);
		assertThat(enrolled.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(enrolled.getBody().path("timeZone").asText()).isEqualTo("America/Chicago");
		assertThat(enrolled.getBody().has("zone")).isFalse();
	}

	@Test
	void anAllyInAnotherZoneIsAlertedInTheirOwnWindowOnly() {
		// Lia lives in New York; her three allies in Madrid: Ada's nights are 23:00-07:00, Bea's
		// 20:00-07:00, Cai has none of his own (the organisation's 21:00-08:00).
		String lia = "+16465550711";
		String ada = "+34600000711";
		String bea = "+34600000712";
		String cai = "+34600000713";
		String id = enrol("Lia Moss", lia, "America/New_York", "10:53");
		put("/api/participants/" + id + "/responsiveness",
				Map.of("gracePeriod", "PT24H", "missedToQuiet", 1, "anyMessageCounts", true));
		ladder(id, step("allies", "PT0H", "ALLIES", "quiet"));
		invite(id, "Ada Ruiz", ada, Map.of("start", "23:00", "end", "07:00"));
		invite(id, "Bea Gil", bea, Map.of("start", "20:00", "end", "07:00"));
		String caiId = invite(id, "Cai Sol", cai, null);
		sms(ada, "YES");
		sms(bea, "YES");
		sms(cai, "YES");

		// Friday 10:00 in New York (16:00 in Madrid): a check-in; it expires unanswered at 22:00 in Madrid.
		clock.set(Instant.parse("2030-03-08T15:00:00Z"));
		startCheckIn(id);
		clock.set(Instant.parse("2030-03-08T21:00:00Z"));
		conversations.expireDue();
		escalation.sweep();
		assertThat(alerts(ada)).as("22:00 is still Ada's evening").hasSize(1);
		assertThat(alerts(bea)).as("Bea's night began at 20:00").isEmpty();
		assertThat(alerts(cai)).isEmpty();

		clock.set(Instant.parse("2030-03-09T05:59:00Z"));
		escalation.sweep();
		assertThat(alerts(bea)).isEmpty();
		clock.set(Instant.parse("2030-03-09T06:00:00Z")); // 07:00 in Madrid: Bea's morning, Cai's night
		escalation.sweep();
		assertThat(alerts(bea)).hasSize(1);
		assertThat(alerts(cai)).isEmpty();
		clock.set(Instant.parse("2030-03-09T07:00:00Z"));
		escalation.sweep();
		assertThat(alerts(cai)).hasSize(1);
		assertThat(alerts(ada)).as("once each").hasSize(1);
		assertThat(alerts(bea)).hasSize(1);

		JsonNode allies = coach().getForObject("/api/participants/" + id + "/allies", JsonNode.class);
		assertThat(allies.findValuesAsString("timeZone")).as("one name per field: timeZone both ways")
			.containsOnly("Europe/Madrid");
		assertThat(allies.findValues("zone")).isEmpty();
		JsonNode participant = coach().getForObject("/api/participants/" + id, JsonNode.class).path("profile");
		assertThat(participant.path("timeZone").asText()).isEqualTo("America/New_York");
		assertThat(participant.has("zone")).isFalse();
		assertThat(allies.findValues("quietHours").stream().map(hours -> hours.path("start").asText()))
			.containsExactlyInAnyOrder("23:00", "20:00", "");

		// Cai moves to Lisbon and keeps later nights; a bad time is refused, naming it.
		JsonNode caiHours = put("/api/participants/" + id + "/allies/" + caiId + "/quiet-hours",
				Map.of("timeZone", "Europe/Lisbon", "start", "22:30", "end", "06:30"));
		assertThat(caiHours.get("timeZone").asText()).isEqualTo("Europe/Lisbon");
		assertThat(put("/api/participants/" + id + "/allies/" + caiId + "/quiet-hours",
				Map.of("zone", "Europe/Paris", "start", "22:30", "end", "06:30")).get("timeZone").asText())
			.as("the old name is still read").isEqualTo("Europe/Paris");
		caiHours = put("/api/participants/" + id + "/allies/" + caiId + "/quiet-hours",
				Map.of("timeZone", "Europe/Lisbon", "start", "22:30", "end", "06:30"));
		assertThat(caiHours.at("/quietHours/end").asText()).isEqualTo("06:30");
		ResponseEntity<JsonNode> bad = coach().exchange("/api/participants/" + id + "/allies/" + caiId + "/quiet-hours",
				HttpMethod.PUT, new HttpEntity<>(Map.of("start", "late", "end", "06:30")), JsonNode.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody().findValuesAsString("field")).containsExactly("start");
	}

	@Test
	void theCoachIsAlertedInTheirOwnZoneAndWindowByEmail() throws Exception {
		// Kit coaches from London, nights 22:00-06:00, and has an e-mail address but no phone.
		createCoach("kit", null, "kit@alerts.example.org", "Europe/London", Map.of("start", "22:00", "end", "06:00"));
		String max = "+16465550721";
		String id = enrolAs("kit", "Zeb Reed", max, "10:54");
		ladder(id, step("coach", "PT0H", "COACH", "quiet"));

		// Friday 12:00 in New York (17:00 in London); it expires at 18:00 in New York, 23:00 in London.
		clock.set(Instant.parse("2030-03-08T17:00:00Z"));
		startCheckIn(id);
		clock.set(Instant.parse("2030-03-08T23:00:00Z"));
		conversations.expireDue();
		escalation.sweep();
		clock.set(Instant.parse("2030-03-09T05:59:00Z"));
		escalation.sweep();
		assertThat(mailTo("kit@alerts.example.org")).as("Kit's night, whatever the hour in New York").isEmpty();

		clock.set(Instant.parse("2030-03-09T06:00:00Z"));
		escalation.sweep();
		List<MimeMessage> mail = mailTo("kit@alerts.example.org");
		assertThat(mail).hasSize(1);
		assertThat(mail.get(0).getSubject()).isEqualTo("Reconnect: someone in your care has gone quiet");
		assertThat(mail.get(0).getContent().toString()).contains("/alerts#alert-" + id).doesNotContain("Zeb", max);
		assertThat(sentTo(COACH_PHONE)).as("Kit was reached: the supervisor is not told").noneMatch(t -> t.contains("Zeb"));
		JsonNode attention = http.withBasicAuth("kit", PASSWORD).getForObject("/api/attention", JsonNode.class);
		assertThat(attention.findValuesAsString("outcome")).contains("EMAILED");
	}

	@Test
	void theCoachStepGoesToTheSupervisorsWhenTheCoachCannotBeReached() {
		createCoach("lou", null, null, null, null);
		String jem = "+16465550731";
		String id = enrolAs("lou", "Jem Ash", jem, "10:55");
		ladder(id, step("coach", "PT0H", "COACH", "quiet"));

		clock.set(Instant.parse("2030-03-08T15:00:00Z"));
		startCheckIn(id);
		clock.set(Instant.parse("2030-03-08T21:00:00Z")); // 16:00 in New York
		conversations.expireDue();
		escalation.sweep();
		assertThat(sentTo(COACH_PHONE)).contains("Reconnect: Jem hasn't checked in since Friday. Reply OK when you've seen this.");
		assertThat(coach().getForObject("/api/participants/" + id + "/audit", String.class)).contains("coach:coach");
	}

	// --- helpers

	/** The missed-check-in alerts an ally of Lia's received. */
	private static List<String> alerts(String ally) {
		return sentTo(ally).stream().filter(text -> text.contains("Lia hasn't checked in since Friday.")).toList();
	}

	private static Map<String, Object> step(String name, String delay, String audience, String message) {
		return Map.of("name", name, "delay", delay, "audience", audience, "message", message);
	}

	@SafeVarargs
	private void ladder(String participant, Map<String, Object>... steps) {
		put("/api/participants/" + participant + "/ladder", List.of(steps));
	}

	private JsonNode put(String path, Object body) {
		ResponseEntity<JsonNode> response = coach().exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
		assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private String invite(String participant, String name, String phone, Map<String, String> quietHours) {
		Map<String, Object> request = new HashMap<>(Map.of("name", name, "phone", phone, "timeZone", "Europe/Madrid"));
		if (quietHours != null) {
			request.put("quietHours", quietHours);
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

	private void createCoach(String username, String phone, String email, String zone, Map<String, String> quietHours) {
		Map<String, Object> request = new HashMap<>(Map.of("username", username, "password", PASSWORD));
		if (phone != null) {
			request.put("phone", phone);
		}
		if (email != null) {
			request.put("email", email);
		}
		if (zone != null) {
			request.put("timeZone", zone);
		}
		if (quietHours != null) {
			request.put("quietHours", quietHours);
		}
		ResponseEntity<JsonNode> created = coach().postForEntity("/api/coaches", request, JsonNode.class);
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
	}

	private String enrolAs(String coach, String name, String phone, String time) {
		return enrol(http.withBasicAuth(coach, PASSWORD), name, phone, "America/New_York", time);
	}

}
