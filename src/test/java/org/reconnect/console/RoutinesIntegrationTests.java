package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.ConsoleSession;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.TestCoaches;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Routines through the API and on the participant's page: the weekly reflection a new participant
 * has, changed and turned off with PUT and read back; bad input is a 400 problem detail naming each
 * field, and nothing changes; the page says the routine in plain words (English and Spanish) and
 * changes it with the same checks.
 */
class RoutinesIntegrationTests extends SimulatorAppTestBase {

	@Autowired
	TestRestTemplate http;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	MutableClock clock;

	@Autowired
	org.reconnect.routines.RoutineService routines;

	@LocalServerPort
	int port;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void theWeeklyReflectionIsChangedAndTurnedOffThroughTheApiAndBadInputChangesNothing() {
		clock.set(START);
		TestCoaches.ensure(mongo, encoder, "rita", "rita-pass-1");
		TestRestTemplate rita = http.withBasicAuth("rita", "rita-pass-1");
		String id = enrol(rita, "Rosa Diaz", "+12025550871");

		JsonNode list = json.readTree(rita.getForObject("/api/participants/" + id + "/routines", String.class));
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("flow").asString()).isEqualTo("weekly-reflection");
		assertThat(list.get(0).get("description").asString()).isEqualTo("Every Sun at 5:00 PM");

		ResponseEntity<String> changed = put(rita, "/api/participants/" + id + "/routines/weekly-reflection",
				Map.of("rule", "FREQ=WEEKLY;BYDAY=SA", "time", "10:30", "on", false));
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode off = json.readTree(changed.getBody());
		assertThat(off.get("on").asBoolean()).isFalse();
		assertThat(off.get("description").asString()).isEqualTo("Every Sat at 10:30 AM");
		assertThat(off.get("nextStartAt").isNull()).isTrue();

		ResponseEntity<String> refused = put(rita, "/api/participants/" + id + "/routines/weekly-reflection",
				Map.of("rule", "FREQ=HOURLY", "time", "25:00"));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		JsonNode errors = json.readTree(refused.getBody()).get("errors");
		assertThat(errors.findValuesAsString("field")).containsExactly("rule", "time");
		assertThat(errors.get(0).get("message").asString()).contains("FREQ=WEEKLY");
		assertThat(errors.get(1).get("message").asString()).contains("HH:mm");

		ResponseEntity<String> quiet = put(rita, "/api/participants/" + id + "/routines/weekly-reflection",
				Map.of("rule", "FREQ=WEEKLY;BYDAY=SU", "time", "22:00"));
		assertThat(quiet.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json.readTree(quiet.getBody()).get("errors").get(0).get("message").asString())
			.contains("22:00 falls in their quiet hours 21:00\u201308:00");

		ResponseEntity<String> unknown = put(rita, "/api/participants/" + id + "/routines/no-such-flow",
				Map.of("rule", "FREQ=WEEKLY;BYDAY=SU", "time", "17:00"));
		assertThat(json.readTree(unknown.getBody()).get("errors").get(0).get("field").asString()).isEqualTo("flow");

		JsonNode unchanged = json.readTree(rita.getForObject("/api/participants/" + id + "/routines/weekly-reflection",
				String.class));
		assertThat(unchanged.get("description").asString()).isEqualTo("Every Sat at 10:30 AM");
		assertThat(unchanged.get("on").asBoolean()).isFalse();

		assertThat(rita.exchange("/api/participants/" + id + "/routines/weekly-reflection", HttpMethod.DELETE, null,
				String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<String> gone = rita.getForEntity("/api/participants/" + id + "/routines/weekly-reflection",
				String.class);
		assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(gone.getHeaders().getContentType().toString()).startsWith("application/problem+json");
	}

	@Test
	void theParticipantPageSaysTheRoutineInWordsAndChangesItWithTheSameChecks() {
		clock.set(START);
		TestCoaches.ensure(mongo, encoder, "sol", "sol-pass-1");
		String id = enrol(http.withBasicAuth("sol", "sol-pass-1"), "Tomas Vidal", "+12025550872");
		ConsoleSession console = new ConsoleSession(port);
		console.signIn("sol", "sol-pass-1");
		String page = "/participants/" + id;

		assertThat(console.get(page).body()).contains("Weekly reflection")
			.contains("Every Sun at 5:00 PM their time. Next: Sun, Mar 17, 2030 at 5:00 PM.");

		HttpResponse<String> saved = console.submit(page, page + "/routines",
				Map.of("flow", "weekly-reflection", "days", "WE", "time", "18:15", "on", "on"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(console.get(page).body()).contains("Every Wed at 6:15 PM their time. Next: Wed, Mar 13, 2030 at 6:15 PM.");

		console.submit(page, page + "/routines", Map.of("flow", "weekly-reflection", "days", "WE", "time", "18:15"));
		assertThat(console.get(page).body()).contains("Off (it would be: Every Wed at 6:15 PM their time).");

		console.submit(page, page + "/routines", Map.of("flow", "weekly-reflection", "days", "WE", "time", "23:00"));
		assertThat(console.get(page).body()).contains("23:00 falls in their quiet hours")
			.contains("Off (it would be: Every Wed at 6:15 PM their time).");

		console.submit("/settings", "/settings", Map.of("zone", "", "language", "es"));
		assertThat(console.get(page).body()).contains("Reflexión semanal").contains("Desactivada (sería:");
	}

	@Test
	void aRoutineThatHasRunItsCourseSaysSoInsteadOfANextTime() {
		clock.set(START);
		TestCoaches.ensure(mongo, encoder, "ines-coach", "ines-pass-1");
		TestRestTemplate sol = http.withBasicAuth("ines-coach", "ines-pass-1");
		String id = enrol(sol, "Inés Campo", "+12025550874");
		ResponseEntity<String> once = put(sol, "/api/participants/" + id + "/routines/weekly-reflection",
				Map.of("rule", "FREQ=WEEKLY;BYDAY=WE;COUNT=1", "time", "18:15"));
		assertThat(once.getStatusCode()).as(once.getBody()).isEqualTo(HttpStatus.OK);
		// past Wednesday 13 March, 18:15 in New York: its one start is due, then nothing is left
		clock.set(java.time.Instant.parse("2030-03-13T22:20:00Z"));
		String page;
		try {
			routines.startDue();
			ConsoleSession console = new ConsoleSession(port);
			console.signIn("ines-coach", "ines-pass-1");
			page = console.get("/participants/" + id).body();
		}
		finally {
			clock.set(START); // the context is shared: the next tests expect the clock where it was
		}

		assertThat(page).contains("it has run its course, no more starts.").doesNotContain("Next: null");
	}

	@Test
	void onlyFlowsMadeToComeBackAreOfferedAndTheApiRefusesAnyOtherInTheCoachsLanguage() {
		clock.set(START);
		TestCoaches.ensure(mongo, encoder, "remy", "remy-pass-1"); // no console language of his own
		TestRestTemplate remy = http.withBasicAuth("remy", "remy-pass-1");
		String id = enrol(remy, "Remy Okoye", "+12025550875");
		ConsoleSession console = new ConsoleSession(port);
		console.signIn("remy", "remy-pass-1");

		String page = console.get("/participants/" + id).body();
		String offered = page.substring(page.indexOf("id=\"routine-new\""));
		offered = offered.substring(offered.indexOf("<select"), offered.indexOf("</select>"));
		assertThat(java.util.regex.Pattern.compile("value=\"([^\"]+)\"").matcher(offered).results().map(m -> m.group(1)))
			.containsExactly("small-steps", "test-notice", "weekly-reflection");

		for (String flow : java.util.List.of("onboarding", "reminder-reply", "daily-checkin")) {
			ResponseEntity<String> refused = put(remy, "/api/participants/" + id + "/routines/" + flow,
					Map.of("rule", "FREQ=WEEKLY;BYDAY=SU", "time", "17:00"), "en");
			assertThat(refused.getStatusCode()).as(flow).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
			JsonNode error = json.readTree(refused.getBody()).get("errors").get(0);
			assertThat(error.get("field").asString()).isEqualTo("flow");
			assertThat(error.get("message").asString())
				.isEqualTo("'" + flow + "' cannot be put on a routine: it is not made to come back on a recurrence. "
						+ "Use one of small-steps, test-notice, weekly-reflection (a flow that says routine: true)");
		}
		JsonNode spanish = json.readTree(put(remy, "/api/participants/" + id + "/routines/onboarding",
				Map.of("rule", "FREQ=WEEKLY;BYDAY=SU", "time", "17:00"), "es").getBody());
		assertThat(spanish.get("errors").get(0).get("field").asString()).isEqualTo("flow");
		assertThat(spanish.get("errors").get(0).get("message").asString())
			.startsWith("'onboarding' no se puede poner en una rutina").contains("small-steps, test-notice, weekly-reflection");
		assertThat(json.readTree(remy.getForObject("/api/participants/" + id + "/routines", String.class)))
			.as("nothing was stored").hasSize(1);

		ResponseEntity<String> steps = put(remy, "/api/participants/" + id + "/routines/small-steps",
				Map.of("rule", "FREQ=WEEKLY;BYDAY=MO", "time", "18:30"), "en");
		assertThat(steps.getStatusCode()).as(steps.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(steps.getBody()).get("startable").asBoolean()).isTrue();
	}

	private String enrol(TestRestTemplate coach, String name, String phone) {
		ResponseEntity<String> response = coach.postForEntity("/api/participants",
				Map.of("name", name, "phone", phone, "timeZone", "America/New_York", "checkInTime", "09:00"), String.class);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
		return json.readTree(response.getBody()).get("id").asString();
	}

	private static ResponseEntity<String> put(TestRestTemplate coach, String path, Map<String, Object> body) {
		return coach.exchange(path, HttpMethod.PUT, new HttpEntity<>(body), String.class);
	}

	private static ResponseEntity<String> put(TestRestTemplate coach, String path, Map<String, Object> body,
			String language) {
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.set(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, language);
		return coach.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
	}
}
