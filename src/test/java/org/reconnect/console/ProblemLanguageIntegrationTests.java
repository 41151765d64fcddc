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
