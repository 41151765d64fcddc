package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reconnect.LoopTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * A crisis reaches people who may open the notice, by SMS and e-mail (a real SMTP server, GreenMail):
 * the participant's coach, then the supervisors; never another coach. When nobody can be reached,
 * the notice waits in the inbox and the console says so to the supervisors.
 */
class CrisisReachIntegrationTests extends LoopTestSupport {

	private static final String PASSWORD = "crisis-reach-pass-2030";

	@Autowired
	MongoTemplate mongo;

	@LocalServerPort
	int port;

	@Test
	void aCrisisNeverReachesACoachOutsideTheCaseloadAndNobodyReachableIsSaidPlainly(CapturedOutput output) {
		// Ivo coaches Pia and has no phone or e-mail on file; Bo is another coach, with a phone.
		createCoach("ivo", null, null, "COACH");
		String bo = "+16465550601";
		createCoach("bo", bo, null, "COACH");
		String pia = "+16465550602";
		String id = enrolAs("ivo", "Pia Lund", pia, "10:40");

		withoutSupervisorContact(() -> {
			sms(pia, "I want to end it all");
			drainOutbox();

			assertThat(sentTo(bo)).as("Bo cannot even open Pia's notice: he is never told of it").isEmpty();
			assertThat(sentTo(COACH_PHONE)).noneMatch(text -> text.contains("Pia Lund"));

			JsonNode open = coach().getForObject("/api/attention?open=true", JsonNode.class);
			assertThat(StreamSupport.stream(open.spliterator(), false)
				.filter(item -> id.equals(item.path("participantId").asText()))
				.map(item -> item.get("kind").asText())).as("the notice waits in the inbox").contains("CRISIS");
			assertThat(coach().getForObject("/api/participants/" + id + "/audit", String.class))
				.contains("nobody could be reached by SMS or email");
			assertThat(output).contains("reached nobody").doesNotContain(pia, bo);

			Browser supervisor = new Browser(port);
			assertThat(supervisor.signIn("coach", "test-pass-2030").statusCode()).isEqualTo(302);
			assertThat(supervisor.get("/alerts").body()).contains("Nobody can be reached for crisis notices");
		});
		Browser supervisor = new Browser(port);
		assertThat(supervisor.signIn("coach", "test-pass-2030").statusCode()).isEqualTo(302);
		assertThat(supervisor.get("/alerts").body()).as("with the supervisor's phone back")
			.doesNotContain("Nobody can be reached for crisis notices");
	}

	@Test
	void aCrisisWhoseCoachHasNoPhoneReachesTheSupervisorsAndGoesByEmail() throws Exception {
		// Uma coaches Rae and has only an e-mail address; Sia is a supervisor with a phone and one too.
		createCoach("uma", null, "uma@reach.example.org", "COACH");
		String sia = "+16465550611";
		createCoach("sia", sia, "sia@reach.example.org", "SUPERVISOR");
		String bo = "+16465550612";
		createCoach("bob", bo, "bob@reach.example.org", "COACH");
		String rae = "+16465550613";
		String id = enrolAs("uma", "Rae Quinn", rae, "10:41");
		try {
			sms(rae, "i want to die");
			drainOutbox();

			String text = "Reconnect: Rae Quinn just wrote in crisis. Crisis resources were sent. Please reach out now.";
			assertThat(lastSentTo(sia)).as("Uma cannot be texted: the supervisors are").startsWith(text);
			assertThat(lastSentTo(COACH_PHONE)).startsWith(text);
			assertThat(sentTo(bo)).isEmpty();

			List<MimeMessage> uma = mailTo("uma@reach.example.org");
			List<MimeMessage> siaMail = mailTo("sia@reach.example.org");
			assertThat(uma).as("Uma by e-mail").hasSize(1);
			assertThat(siaMail).as("and the supervisor by every channel she has").hasSize(1);
			assertThat(mailTo("bob@reach.example.org")).isEmpty();
			MimeMessage mail = uma.get(0);
			assertThat(mail.getSubject()).isEqualTo("Reconnect: a crisis notice needs you now");
			String body = mail.getContent().toString();
			assertThat(body).contains("Please open the notice in the console and reach out now:")
				.contains("http://localhost:8080/alerts#alert-" + id)
				.as("an e-mail may sit in an inbox for years: no name, number or words")
				.doesNotContain("Rae", "Quinn", rae, "6465550613", "die");

			assertThat(coach().getForObject("/api/participants/" + id + "/audit", String.class))
				.contains("crisis notice by email: SENT")
				.contains("crisis notice by SMS: SENT")
				.doesNotContain("uma@reach.example.org");
		}
		finally {
			// no other test expects a second supervisor
			coach().postForEntity("/api/coaches/sia/disable", null, JsonNode.class);
		}
	}

	@Test
	void aCoachsEmailAndZoneAreSetCheckedAndShown() {
		createCoach("wes", null, null, "COACH");
		ResponseEntity<JsonNode> bad = coach().exchange("/api/coaches/wes/contact", HttpMethod.PUT,
				new HttpEntity<>(Map.of("email", "Wes <wes@example.org>", "timeZone", "Mars/Olympus", "quietHours",
						Map.of("start", "25:00", "end", "07:00"))),
				JsonNode.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody().findValuesAsString("field")).containsExactlyInAnyOrder("email", "timeZone",
				"quietHours.start");
		assertThat(coachView("wes").path("email").isNull()).as("nothing half-written").isTrue();

		ResponseEntity<JsonNode> good = coach().exchange("/api/coaches/wes/contact", HttpMethod.PUT,
				new HttpEntity<>(Map.of("phone", "+1 646 555 0621", "email", "wes@example.org", "timeZone",
						"Europe/London", "quietHours", Map.of("start", "22:30", "end", "06:30"))),
				JsonNode.class);
		assertThat(good.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode wes = coachView("wes");
		assertThat(wes.get("email").asText()).isEqualTo("wes@example.org");
		assertThat(wes.get("phone").asText()).isEqualTo("+16465550621");
		assertThat(wes.get("timeZone").asText()).isEqualTo("Europe/London");
		assertThat(wes.at("/quietHours/start").asText()).isEqualTo("22:30");
	}

	@Test
	void anAllysOwnZoneAndQuietHoursAreShownWhereAlliesAre() {
		String id = enrol("Tam Vale", "+16465550631", "America/New_York", "10:42");
		Map<String, Object> ada = Map.of("name", "Ada Ruiz", "phone", "+34600000631", "timeZone", "Europe/Madrid",
				"quietHours", Map.of("start", "23:00", "end", "07:00"));
		assertThat(coach().postForEntity("/api/participants/" + id + "/allies", ada, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		assertThat(coach().postForEntity("/api/participants/" + id + "/allies",
				Map.of("name", "Ben Ode", "phone", "+16465550632"), JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);

		Browser browser = new Browser(port);
		assertThat(browser.signIn("coach", "test-pass-2030").statusCode()).isEqualTo(302);
		assertThat(browser.get("/participants/" + id).body()).contains("23:00 to 07:00, Europe/Madrid")
			.contains("21:00 to 08:00 (the organisation&#39;s), America/New_York (the participant&#39;s zone)")
			.contains("<dd id=\"crisis-lines\">United States (from their number)</dd>");
		String abroad = enrol("Rhys Bevan", "+447400123633", "Europe/London", "10:43");
		assertThat(browser.get("/participants/" + abroad).body()).as("no UK lines in the texts: the coach is told so")
			.contains("<dd id=\"crisis-lines\">United Kingdom: the crisis texts have no lines of its own, so they are "
					+ "told to call their local emergency number</dd>");
	}

	// --- helpers

	private void createCoach(String username, String phone, String email, String role) {
		Map<String, Object> request = new HashMap<>(Map.of("username", username, "password", PASSWORD, "role", role));
		if (phone != null) {
			request.put("phone", phone);
		}
		if (email != null) {
			request.put("email", email);
		}
		ResponseEntity<JsonNode> created = coach().postForEntity("/api/coaches", request, JsonNode.class);
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
	}

	private JsonNode coachView(String username) {
		JsonNode all = coach().getForObject("/api/coaches", JsonNode.class);
		return StreamSupport.stream(all.spliterator(), false)
			.filter(coach -> username.equals(coach.get("username").asText()))
			.findFirst()
			.orElseThrow();
	}

	private String enrolAs(String coach, String name, String phone, String time) {
		return enrol(http.withBasicAuth(coach, PASSWORD), name, phone, "America/New_York", time);
	}


	/** Runs with no supervisor reachable (their phones and addresses set aside), then puts them back. */
	private void withoutSupervisorContact(Runnable test) {
		List<Document> supervisors = mongo.getCollection("coaches")
			.find(new Document("role", "SUPERVISOR"))
			.into(new ArrayList<>());
		try {
			mongo.getCollection("coaches")
				.updateMany(new Document("role", "SUPERVISOR"),
						new Document("$unset", new Document("phone", "").append("email", "")));
			test.run();
		}
		finally {
			supervisors.forEach(supervisor -> mongo.getCollection("coaches")
				.replaceOne(new Document("_id", supervisor.get("_id")), supervisor));
		}
	}
}
