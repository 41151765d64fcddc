package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.TestCoaches;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

import tools.jackson.databind.JsonNode;

/**
 * A coach who reads Spanish gets the API's refusals in Spanish (Accept-Language, as the console's
 * pages): a field the request record's validation refuses, and a domain rule (a check-in time in
 * quiet hours); without it, in English. The shape, {@code type} and {@code status} do not change.
 */
class ProblemLanguageIntegrationTests extends SimulatorAppTestBase {

	/** A coach of their own: no console language chosen, so the request's Accept-Language decides. */
	private static final String COACH = "lia";

	@Autowired
	TestRestTemplate http;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PasswordEncoder encoder;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@BeforeEach
	void coach() {
		TestCoaches.ensure(mongo, encoder, COACH, "lia-pass-2030");
	}

	@Test
	void aCheckInTimeInQuietHoursIsRefusedInTheReadersLanguage() {
		Map<String, String> enrol = Map.of("name", "Inés Vidal", "phone", "+1 202 555 0965", "timeZone",
				"America/New_York", "checkInTime", "22:00");

		JsonNode spanish = refused(HttpMethod.POST, "/api/participants", enrol, "es-MX,es;q=0.9,en;q=0.5");
		assertThat(spanish.get("title").asText()).isEqualTo("Datos no válidos");
		assertThat(spanish.get("type").asText()).isEqualTo("https://reconnect.example.org/problems/invalid-input");
		assertThat(spanish.get("status").asInt()).isEqualTo(400);
		assertThat(spanish.get("errors").get(0).get("field").asText()).isEqualTo("checkInTime");
		assertThat(spanish.get("errors").get(0).get("message").asText()).isEqualTo(
				"22:00 cae en las horas de silencio 21:00–08:00, cuando no se puede enviar ningún check-in: elige una hora entre las 08:00 y las 21:00");
		assertThat(spanish.get("detail").asText()).startsWith("checkInTime: 22:00 cae en las horas de silencio");

		JsonNode english = refused(HttpMethod.POST, "/api/participants", enrol, null);
		assertThat(english.get("title").asText()).isEqualTo("Invalid input");
		assertThat(english.get("type").asText()).isEqualTo("https://reconnect.example.org/problems/invalid-input");
		assertThat(english.get("errors").get(0).get("message").asText()).isEqualTo(
				"22:00 falls in quiet hours 21:00–08:00, when no check-in can be sent: choose a time from 08:00 until 21:00");
	}

	@Test
	void aFieldTheValidationRefusesIsNamedInTheReadersLanguage() {
		// the simulator's inbound text, checked with @Valid by Spring MVC's validator
		Map<String, String> text = Map.of("from", "+12025550966", "body", "x".repeat(1601));

		JsonNode spanish = refused(HttpMethod.POST, "/api/simulator/inbound", text, "es");
		assertThat(spanish.get("title").asText()).isEqualTo("Datos no válidos");
		assertThat(spanish.get("errors").get(0).get("field").asText()).isEqualTo("body");
		assertThat(spanish.get("errors").get(0).get("message").asText())
			.isEqualTo("es demasiado largo: como máximo 1600 caracteres");

		JsonNode english = refused(HttpMethod.POST, "/api/simulator/inbound", text, "en-US");
		assertThat(english.get("title").asText()).isEqualTo("Invalid input");
		assertThat(english.get("errors").get(0).get("message").asText()).isEqualTo("is too long: at most 1600 characters");
	}

	@Test
	void aServiceCheckedRecordAndANotFoundSpeakTheReadersLanguageToo() {
		// enrolment checks its record in the service (Inputs, Hibernate Validator outside Spring MVC)
		Map<String, String> enrol = Map.of("name", "x".repeat(101), "phone", "+1 202 555 0966", "timeZone",
				"America/New_York", "checkInTime", "09:00");
		JsonNode spanish = refused(HttpMethod.POST, "/api/participants", enrol, "es");
		assertThat(spanish.get("errors").get(0).get("field").asText()).isEqualTo("name");
		assertThat(spanish.get("errors").get(0).get("message").asText())
			.isEqualTo("es demasiado largo: como máximo 100 caracteres");
		assertThat(refused(HttpMethod.POST, "/api/participants", enrol, null).get("errors").get(0).get("message").asText())
			.isEqualTo("is too long: at most 100 characters");

		JsonNode missing = refused(HttpMethod.GET, "/api/participants/no-such-participant", null, "es");
		assertThat(missing.get("title").asText()).isEqualTo("Participante no encontrado");
		assertThat(missing.get("status").asInt()).isEqualTo(404);
		assertThat(refused(HttpMethod.GET, "/api/participants/no-such-participant", null, null).get("title").asText())
			.isEqualTo("Participant not found");
	}

	@Test
	void theSignInRequiredAnswerSpeaksTheBrowsersLanguage() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, "es");
		ResponseEntity<JsonNode> spanish = http.exchange("/api/participants", HttpMethod.GET, new HttpEntity<>(headers),
				JsonNode.class);
		assertThat(spanish.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(spanish.getBody().get("title").asText()).isEqualTo("Hace falta iniciar sesión");
		assertThat(spanish.getBody().get("detail").asText()).startsWith("Envía un token de la API como");
		assertThat(http.getForEntity("/api/participants", JsonNode.class).getBody().get("title").asText())
			.isEqualTo("Sign-in required");
	}

	@Test
	void enrolmentAndAProfileEditNameEachWrongFieldInSpanish() {
		Map<String, String> enrol = Map.of("name", "Inés Vidal", "phone", "+1 202 555 0971", "timeZone", "Mars/Olympus",
				"checkInTime", "25:00", "language", "xx");
		JsonNode spanish = refused(HttpMethod.POST, "/api/participants", enrol, "es");
		assertThat(message(spanish, "timeZone"))
			.isEqualTo("'Mars/Olympus' no es una zona horaria IANA: envía una como America/New_York o Europe/Madrid");
		assertThat(message(spanish, "checkInTime"))
			.isEqualTo("'25:00' no es una hora del día: envía HH:mm en formato de 24 horas, p. ej. 09:00 o 18:30");
		assertThat(message(spanish, "language")).isEqualTo("'xx' no se ofrece: envía uno de en, es");
		assertThat(spanish.get("detail").asText()).doesNotContain("is not", "send ");
		JsonNode english = refused(HttpMethod.POST, "/api/participants", enrol, null);
		assertThat(message(english, "timeZone"))
			.isEqualTo("'Mars/Olympus' is not an IANA time zone: send one such as America/New_York or Europe/Madrid");
		assertThat(message(english, "language")).isEqualTo("'xx' is not offered: send one of en, es");

		String id = enrolled("Inés Vidal", "+1 202 555 0972");
		Map<String, Object> edit = Map.of("timeZone", "Nowhere/Else", "checkInTime", "7pm", "channel", "PIGEON");
		JsonNode edited = refused(HttpMethod.PATCH, "/api/participants/" + id, edit, "es-ES,es;q=0.9");
		assertThat(message(edited, "timeZone")).isEqualTo(
				"'Nowhere/Else' no es una zona horaria: elige un lugar de la lista, p. ej. America/New_York o Europe/Madrid");
		assertThat(message(edited, "checkInTime"))
			.isEqualTo("'7pm' no es una hora del día: envía HH:mm en formato de 24 horas, p. ej. 09:00 o 18:30");
		assertThat(message(edited, "channel")).isEqualTo("'PIGEON' no es un canal: envía SMS, WHATSAPP o WEB");
		assertThat(message(refused(HttpMethod.PATCH, "/api/participants/" + id, edit, null), "channel"))
			.isEqualTo("'PIGEON' is not a channel: send SMS, WHATSAPP or WEB");
	}

	@Test
	void quietHoursAReminderAndARoutineAreRefusedInSpanish() {
		String id = enrolled("Rocío Paz", "+1 202 555 0973");
		String quiet = "/api/participants/" + id + "/quiet-hours";
		Map<String, String> hours = Map.of("start", "9pm", "end", "08:00");
		assertThat(message(refused(HttpMethod.PUT, quiet, hours, "es"), "start"))
			.isEqualTo("'9pm' no es una hora del día: envía HH:mm en formato de 24 horas, p. ej. 21:00 o 08:00");
		assertThat(message(refused(HttpMethod.PUT, quiet, hours, null), "start"))
			.isEqualTo("'9pm' is not a time of day: send 24-hour HH:mm, e.g. 21:00 or 08:00");

		Map<String, Object> reminder = Map.of("title", "Grupo", "start", "2030-03-12T19:00", "rule", "FREQ=HOURLY",
				"leads", java.util.List.of(Map.of("before", "PT0M")), "inQuietHours", "LATER");
		String reminders = "/api/participants/" + id + "/reminders";
		JsonNode spanish = refused(HttpMethod.POST, reminders, reminder, "es");
		assertThat(message(spanish, "rule")).isEqualTo("'FREQ=HOURLY' se repite más de una vez al día: usa FREQ=DAILY, "
				+ "WEEKLY, MONTHLY o YEARLY; envía una como FREQ=WEEKLY;BYDAY=TU,TH o FREQ=MONTHLY;BYDAY=1MO o "
				+ "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;COUNT=10");
		assertThat(message(spanish, "leads[0]"))
			.isEqualTo("'before' debe ser mayor que cero y como máximo 14 días, p. ej. PT1H o PT30M");
		assertThat(message(spanish, "inQuietHours")).isEqualTo("'LATER' no es una opción: envía WAIT (esperar a que "
				+ "terminen las horas de silencio, lo predeterminado), SKIP (omitirlo) o SEND_ANYWAY (el participante lo pidió)");
		JsonNode english = refused(HttpMethod.POST, reminders, reminder, null);
		assertThat(message(english, "rule")).isEqualTo("'FREQ=HOURLY' repeats more often than daily: use FREQ=DAILY, "
				+ "WEEKLY, MONTHLY or YEARLY; send one such as FREQ=WEEKLY;BYDAY=TU,TH or FREQ=MONTHLY;BYDAY=1MO or "
				+ "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;COUNT=10");
		assertThat(message(english, "leads[0]")).isEqualTo("'before' must be more than zero and at most 14 days, e.g. PT1H or PT30M");

		String routine = "/api/participants/" + id + "/routines/weekly-reflection";
		Map<String, Object> at = Map.of("rule", "FREQ=WEEKLY;BYDAY=SU", "time", "5pm");
		assertThat(message(refused(HttpMethod.PUT, routine, at, "es"), "time")).isEqualTo("'5pm' no es una hora del día: "
				+ "envía HH:mm en formato de 24 horas en la hora del participante, p. ej. 17:00");
		assertThat(message(refused(HttpMethod.PUT, routine, at, null), "time"))
			.isEqualTo("'5pm' is not a time of day: send 24-hour HH:mm in the participant's time, e.g. 17:00");
		JsonNode none = refused(HttpMethod.GET, "/api/participants/" + id + "/routines/no-such-flow", null, "es");
		assertThat(none.get("detail").asText()).isEqualTo(
				"El participante no tiene ninguna rutina del flujo 'no-such-flow': consulta sus rutinas para ver cuáles tiene.");
	}

	@Test
	void aNotFoundSaysWhatToDoInSpanish() {
		JsonNode missing = refused(HttpMethod.GET, "/api/participants/no-such-participant", null, "es");
		assertThat(missing.get("detail").asText())
			.isEqualTo("No hay ningún participante 'no-such-participant' en tu grupo: comprueba el id, p. ej. en GET /api/participants");
		assertThat(refused(HttpMethod.GET, "/api/participants/no-such-participant", null, null).get("detail").asText())
			.isEqualTo("No participant 'no-such-participant' in your caseload: check the id, e.g. from GET /api/participants");
		// the simulator, for a number not in the coach's caseload
		Map<String, String> text = Map.of("from", "+12025550979", "body", "hola");
		JsonNode nobody = refused(HttpMethod.POST, "/api/simulator/inbound", text, "es");
		assertThat(nobody.get("title").asText()).isEqualTo("Número no encontrado");
		assertThat(nobody.get("detail").asText()).isEqualTo("Ningún participante de tu grupo, ni ningún aliado de uno, "
				+ "tiene el número de 'from': envía el número de uno de tus participantes o de sus aliados");
		assertThat(refused(HttpMethod.POST, "/api/simulator/inbound", text, null).get("title").asText())
			.isEqualTo("Number not found");
	}

	@Test
	void theConsolesFormsNameEachWrongFieldInTheCoachsLanguage() {
		String coach = "lia-es";
		TestCoaches.ensure(mongo, encoder, coach, "lia-es-pass-2030");
		org.reconnect.ConsoleSession console = new org.reconnect.ConsoleSession(port);
		console.signIn(coach, "lia-es-pass-2030");
		Map<String, String> enrol = Map.of("name", "Inés Vidal", "phone", "+1 202 555 0974", "timeZone", "Mars/Olympus",
				"checkInTime", "25:00", "language", "es");
		String english = page(console.submit("/participants/new", "/participants/new", enrol).body());
		assertThat(english).contains("'Mars/Olympus' is not an IANA time zone")
			.contains("'25:00' is not a time of day: send 24-hour HH:mm");

		console.submit("/settings", "/settings", Map.of("zone", "", "language", "es"));
		String spanish = page(console.submit("/participants/new", "/participants/new", enrol).body());
		assertThat(spanish).contains("'Mars/Olympus' no es una zona horaria IANA: envía una como America/New_York o Europe/Madrid")
			.contains("'25:00' no es una hora del día: envía HH:mm en formato de 24 horas, p. ej. 09:00 o 18:30")
			.doesNotContain("is not an IANA time zone", "is not a time of day");

		// the error page, for input refused outside a form that shows its own errors
		String id = http.withBasicAuth(coach, "lia-es-pass-2030")
			.postForEntity("/api/participants", Map.of("name", "Rosa Gil", "phone", "+1 202 555 0975", "timeZone",
					"America/New_York", "checkInTime", "09:00"), JsonNode.class)
			.getBody()
			.get("id")
			.asText();
		java.net.http.HttpResponse<String> refused = console.submit("/participants/" + id, "/alerts/" + id + "/acknowledge",
				Map.of("back", "/alerts\nX-Injected: 1"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(page(refused.body())).contains("debe ser una ruta dentro de la consola de como máximo 200 caracteres")
			.doesNotContain("must be a path inside the console");
	}

	/** The page's text as a person reads it (Thymeleaf writes an apostrophe as &#39;). */
	private static String page(String html) {
		return html.replace("&#39;", "'").replace("&quot;", "\"");
	}

	/** The message of the refused field {@code field}. */
	private static String message(JsonNode problem, String field) {
		for (JsonNode error : problem.get("errors")) {
			if (error.get("field").asText().equals(field)) {
				return error.get("message").asText();
			}
		}
		throw new AssertionError("no error for " + field + " in " + problem);
	}

	private String enrolled(String name, String phone) {
		ResponseEntity<JsonNode> enrolled = http.withBasicAuth(COACH, "lia-pass-2030")
			.postForEntity("/api/participants", Map.of("name", name, "phone", phone, "timeZone", "America/New_York",
					"checkInTime", "09:00"), JsonNode.class);
		if (enrolled.getStatusCode() == HttpStatus.CONFLICT) {
			return enrolled.getBody().get("participantId").asText();
		}
		assertThat(enrolled.getStatusCode()).as(String.valueOf(enrolled.getBody())).isEqualTo(HttpStatus.CREATED);
		return enrolled.getBody().get("id").asText();
	}

	private JsonNode refused(HttpMethod method, String path, Object body, String acceptLanguage) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (acceptLanguage != null) {
			headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
		}
		ResponseEntity<JsonNode> answer = http.withBasicAuth(COACH, "lia-pass-2030")
			.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
		assertThat(answer.getStatusCode().is4xxClientError()).as(path + ": " + answer.getBody()).isTrue();
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		return answer.getBody();
	}
}
