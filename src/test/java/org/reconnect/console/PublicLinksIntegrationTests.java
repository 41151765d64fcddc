package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.SimulatorAppTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * Private links (a web chat, a calendar feed) are built on the service's own address, never on the
 * Host or X-Forwarded-Host header a request brings: a link handed to a participant cannot be made to
 * point at someone else's server. This context has no public address set, so links point at
 * http://localhost on its port (the production profile requires the setting, see
 * ProductionProfileTests).
 */
class PublicLinksIntegrationTests extends SimulatorAppTestBase {

	static final String PARTICIPANT = "+12025550894";

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Test
	void aWebChatLinkIgnoresTheRequestsHost() {
		ResponseEntity<JsonNode> created = post("/api/web-chat/links", Map.of("phone", PARTICIPANT));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String url = created.getBody().get("url").asText();
		assertThat(url).startsWith("http://localhost:" + port + "/chat/").doesNotContain("attacker");
		assertThat(created.getHeaders().getLocation()).hasToString(url);
	}

	@Test
	void aCalendarFeedLinkIgnoresTheRequestsHost() {
		String id = participant();
		ResponseEntity<JsonNode> issued = post("/api/participants/" + id + "/calendar-feed", null);
		assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(issued.getBody().get("url").asText()).startsWith("http://localhost:" + port + "/calendar/")
			.endsWith(".ics")
			.doesNotContain("attacker");
	}

	private ResponseEntity<JsonNode> post(String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.HOST, "attacker.example");
		headers.set("X-Forwarded-Host", "attacker.example");
		headers.set("X-Forwarded-Proto", "https");
		headers.setBasicAuth("coach", "sim-pass-2030");
		return http.exchange("http://localhost:" + port + path, HttpMethod.POST, new HttpEntity<>(body, headers),
				JsonNode.class);
	}

	private String participant() {
		TestRestTemplate supervisor = http.withBasicAuth("coach", "sim-pass-2030");
		for (JsonNode participant : supervisor.getForObject("/api/participants", JsonNode.class)) {
			if (participant.get("phone").asText().equals(PARTICIPANT)) {
				return participant.get("id").asText();
			}
		}
		return supervisor.postForObject("/api/participants", Map.of("name", "Ida Links", "phone", PARTICIPANT,
				"timeZone", "America/New_York", "checkInTime", "09:00"), JsonNode.class).get("id").asText();
	}
}
