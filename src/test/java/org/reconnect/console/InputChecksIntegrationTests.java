package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reconnect.ConsoleSession;
import org.reconnect.LoopTestSupport;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * What the API and the console forms take (issue #17): every text and list has a limit, named in
 * the refusal (F9); names and texts are read as Unicode NFC and refused when they carry control,
 * bidirectional-override or broken characters (F11); recurrence rules RFC 5545 forbids, or that
 * would go on by mistake, are refused (F12). A refusal is a 400 naming the field and stores nothing.
 */
class InputChecksIntegrationTests extends LoopTestSupport {

	@LocalServerPort
	int port;

	private final List<String> enrolled = new ArrayList<>();

	@AfterEach
	void eraseWhoWasEnrolled() {
		enrolled.forEach(id -> coach().delete("/api/participants/" + id));
	}

	// --- F9: limits ---

	@Test
	void everyTextAndListHasALimitTheRefusalNames() {
		String id = participant("Lim Its", "+16465550401", "10:15");

		assertRefused(post("/api/participants/" + id + "/allies",
				Map.of("name", "Al Ly", "phone", "+16465550402", "why", "x".repeat(100_000))), "why", "200");
		assertThat(coach().getForObject("/api/participants/" + id + "/allies", JsonNode.class)).isEmpty();

		List<Map<String, String>> steps = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			steps.add(Map.of("name", "step", "delay", "PT2H", "audience", "PARTICIPANT", "message", "nudge"));
		}
		assertRefused(exchange(HttpMethod.PUT, "/api/participants/" + id + "/ladder", steps), "steps", "10");

		assertRefused(post("/api/tokens", Map.of("coach", "coach", "name", "n".repeat(81), "expiresAt",
				START.plusSeconds(86_400).toString())), "name", "80");
		assertRefused(post("/api/participants/" + id + "/reminders", reminder("t".repeat(81), null)), "title", "80");
		assertRefused(post("/api/participants/" + id + "/reminders",
				Map.of("title", "Group", "start", "2030-04-02T19:00", "rule", "FREQ=WEEKLY;BYDAY=" + "MO,".repeat(200) + "TU")),
				"rule", "200");

		for (int i = 0; i < 50; i++) {
			ResponseEntity<JsonNode> created = post("/api/participants/" + id + "/reminders", reminder("Meeting " + i, null));
			assertThat(created.getStatusCode()).as("reminder %d", i).isEqualTo(HttpStatus.CREATED);
		}
		assertRefused(post("/api/participants/" + id + "/reminders", reminder("One too many", null)), "reminders", "50");
		assertThat(coach().getForObject("/api/participants/" + id + "/reminders", JsonNode.class)).hasSize(50);
	}

	@Test
	void theLimitsAreInTheOpenApiDescription() {
		JsonNode schemas = coach().getForObject("/v3/api-docs", JsonNode.class).path("components").path("schemas");
		assertThat(schemas.path("AllyRequest").path("properties").path("why").path("maxLength").asInt()).isEqualTo(200);
		assertThat(schemas.path("ReminderRequest").path("properties").path("title").path("maxLength").asInt()).isEqualTo(80);
		assertThat(schemas.path("ReminderRequest").path("properties").path("leads").path("maxItems").asInt()).isEqualTo(5);
		assertThat(schemas.path("EnrolParticipant").path("properties").path("name").path("maxLength").asInt()).isEqualTo(100);
		assertThat(schemas.path("LadderStep").path("properties").path("name").path("maxLength").asInt()).isEqualTo(40);
	}

	// --- F11: Unicode ---

	@Test
	void namesAreReadAsNfcAndTextThatHidesWhatItSaysIsRefused() {
		// "José" typed as e + combining acute accent is kept as the one precomposed character
		ResponseEntity<JsonNode> decomposed = post("/api/participants", Map.of("name", "Jose\u0301 Nin\u0303o", "phone",
				"+16465550411", "timeZone", "America/New_York", "checkInTime", "10:20"));
		assertThat(decomposed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		enrolled.add(decomposed.getBody().get("id").asText());
		assertThat(decomposed.getBody().get("name").asText()).isEqualTo("Jos\u00e9 Ni\u00f1o");

		for (String name : List.of("Ana \u202eluaP", "Ana\u2066 Paul", "Ana\u0000", "Ana\u0007", "Ana\nPaul")) {
			assertRefused(post("/api/participants", Map.of("name", name, "phone", "+16465550412", "timeZone",
					"America/New_York", "checkInTime", "10:20")), "name", "U+");
		}
		// a lone surrogate can only come as a JSON escape: broken UTF-16, not a character
		HttpHeaders json = new HttpHeaders();
		json.setContentType(MediaType.APPLICATION_JSON);
		assertRefused(coach().postForEntity("/api/participants", new HttpEntity<>("{\"name\":\"Ana \\ud800\",\"phone\":"
				+ "\"+16465550412\",\"timeZone\":\"America/New_York\",\"checkInTime\":\"10:20\"}", json), JsonNode.class),
				"name", "surrogate");
		assertThat(coach().getForObject("/api/participants", JsonNode.class).findValuesAsString("phone"))
			.doesNotContain("+16465550412");

		String id = enrolled.get(0);
		assertRefused(post("/api/participants/" + id + "/allies", Map.of("name", "Rob", "phone", "+16465550413", "why",
				"my brother \u202e")), "why", "U+202E");
		assertRefused(post("/api/participants/" + id + "/reminders", reminder("Group\u0000", null)), "title", "U+0000");
		// a multi-line text keeps its line breaks; the simulator's inbound text is one (SimulatorInputIntegrationTests)
		assertRefused(post("/api/participants/" + id + "/reminders", reminder("Group", "Bring\nthe book")), "note", "U+000A");
	}

	@Test
	void theConsoleFormsRefuseTheSameCharacters() {
		ConsoleSession console = new ConsoleSession(port);
		console.signIn("coach", "test-pass-2030");
		HttpResponse<String> page = console.submit("/participants/new", "/participants/new", Map.of("name",
				"Eve \u202enosnhoJ", "phone", "+16465550421", "timeZone", "America/New_York", "checkInTime", "10:25",
				"language", "en"));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("U+202E");
		assertThat(coach().getForObject("/api/participants", JsonNode.class).findValuesAsString("phone"))
			.doesNotContain("+16465550421");

		HttpResponse<String> decomposed = console.submit("/participants/new", "/participants/new", Map.of("name",
				"Zoe\u0308 Ame\u0301lie", "phone", "+16465550422", "timeZone", "America/New_York", "checkInTime", "10:25",
				"language", "en"));
		assertThat(decomposed.statusCode()).isEqualTo(302);
		JsonNode zoe = null;
		for (JsonNode participant : coach().getForObject("/api/participants", JsonNode.class)) {
			if (participant.get("phone").asText().equals("+16465550422")) {
				zoe = participant;
			}
		}
		assertThat(zoe).isNotNull();
		enrolled.add(zoe.get("id").asText());
		assertThat(zoe.get("name").asText()).isEqualTo("Zo\u00eb Am\u00e9lie");
	}

	@Test
	void aTextFromARealPhoneIsCleanedNotRefused() {
		String phone = "+16465550431";
		String id = participant("Cle Aner", phone, "10:30");
		// Twilio brings what the person typed: refusing it would lose their message, so the
		// characters that hide what a text says are taken out and the rest is read as NFC.
		sms(phone, "ALLY Ro\u202eb\u0000 Lane\u0301 +1 646 555 0432");
		JsonNode allies = coach().getForObject("/api/participants/" + id + "/allies", JsonNode.class);
		assertThat(allies).hasSize(1);
		assertThat(allies.get(0).get("name").asText()).isEqualTo("Rob Lan\u00e9");
	}

	// --- F12: recurrence rules ---

	@Test
	void rulesThatRfc5545ForbidsOrThatWouldNeverEndByMistakeAreRefused() {
		String id = participant("Ru Les", "+16465550441", "10:35");
		Map<String, String> refused = Map.of("FREQ=DAILY;COUNT=0", "COUNT", "FREQ=WEEKLY;INTERVAL=-5", "INTERVAL",
				"FREQ=DAILY;FREQ=WEEKLY", "FREQ", "FREQ=WEEKLY;COUNT=3;UNTIL=20310101T000000Z", "UNTIL",
				"FREQ=HOURLY", "DAILY", "FREQ=DAILY;BYHOUR=9,13,17", "BYHOUR", "FREQ=WEEKLY;BYDAY=1MO", "BYDAY",
				"FREQ=WEEKLY;BYMONTHDAY=3", "BYMONTHDAY", "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=31", "no occurrence");
		refused.forEach((rule, saying) -> {
			Map<String, String> request = new HashMap<>(reminder("Group", null));
			request.put("rule", rule);
			ResponseEntity<JsonNode> answer = post("/api/participants/" + id + "/reminders", request);
			assertRefused(answer, "rule", saying);
			assertThat(answer.getBody().toString()).as(rule).contains("FREQ=WEEKLY;BYDAY=");
		});
		assertThat(coach().getForObject("/api/participants/" + id + "/reminders", JsonNode.class)).isEmpty();

		Map<String, String> fine = new HashMap<>(reminder("Group", null));
		fine.put("rule", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10");
		assertThat(post("/api/participants/" + id + "/reminders", fine).getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	// --- helpers ---

	private String participant(String name, String phone, String time) {
		String id = enrol(name, phone, "America/New_York", time);
		enrolled.add(id);
		return id;
	}

	private static Map<String, String> reminder(String title, String note) {
		Map<String, String> reminder = new HashMap<>(Map.of("title", title, "start", "2030-04-02T19:00", "rule", "FREQ=WEEKLY"));
		if (note != null) {
			reminder.put("note", note);
		}
		return reminder;
	}

	@Test
	void theCoachChangesTheLanguageToAnOfferedOneAndIsToldWhichAreOffered() {
		String id = enrol("Noe Arce", "+16465550431", "America/New_York", "10:21");
		assertRefused(exchange(HttpMethod.PUT, "/api/participants/" + id + "/language", Map.of("language", "pt")),
				"language", "'pt' is not offered: send one of en, es");
		assertThat(coach().getForObject("/api/participants/" + id, JsonNode.class).path("profile").path("language").asText())
			.isEqualTo("en");
		ResponseEntity<JsonNode> changed = exchange(HttpMethod.PUT, "/api/participants/" + id + "/language",
				Map.of("language", "es"));
		assertThat(changed.getStatusCode()).as(String.valueOf(changed.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(coach().getForObject("/api/participants/" + id, JsonNode.class).path("profile").path("language").asText())
			.isEqualTo("es");
		sms("+16465550431", "HELP");
		assertThat(lastSentTo("+16465550431")).startsWith("Reconnect: check-ins de tu equipo de apoyo");
	}

	private ResponseEntity<JsonNode> post(String path, Object body) {
		return coach().postForEntity(path, body, JsonNode.class);
	}

	private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body) {
		return coach().exchange(path, method, new HttpEntity<>(body), JsonNode.class);
	}

	private static void assertRefused(ResponseEntity<JsonNode> answer, String field, String saying) {
		assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		List<String> messages = new ArrayList<>();
		for (JsonNode error : answer.getBody().path("errors")) {
			if (error.path("field").asText().equals(field)) {
				messages.add(error.path("message").asText());
			}
		}
		assertThat(messages).as("%s named in %s", field, answer.getBody()).isNotEmpty();
		assertThat(String.join(" ", messages)).as(String.valueOf(answer.getBody())).contains(saying);
	}
}
