package org.reconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.SimulatorAppTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * The simulator's inbound text is checked as a Twilio message could never be otherwise (issue #17):
 * at most 1,600 characters, Twilio's own limit (F9), and the coach typing it is refused control and
 * bidirectional-override characters, while line breaks of a multi-line text stay (F11).
 */
class SimulatorInputIntegrationTests extends SimulatorAppTestBase {

	@Autowired
	TestRestTemplate http;

	@Test
	void anInboundTextIsAtMostTwilios1600CharactersAndPlainText() {
		TestRestTemplate coach = http.withBasicAuth("coach", "sim-pass-2030");
		String phone = "+12025550481";
		String id = coach.postForEntity("/api/participants", Map.of("name", "Sim Limit", "phone", phone, "timeZone",
				"America/New_York", "checkInTime", "10:40"), JsonNode.class).getBody().get("id").asText();
		try {
			ResponseEntity<JsonNode> huge = coach.postForEntity("/api/simulator/inbound",
					Map.of("from", phone, "body", "x".repeat(1_000_000)), JsonNode.class);
			assertRefused(huge, "body", "1600");
			assertRefused(coach.postForEntity("/api/simulator/inbound", Map.of("from", phone, "body", "fine \u202e"),
					JsonNode.class), "body", "U+202E");
			// nothing answered the refused texts: the phone has only the enrolment's welcome
			assertThat(coach.getForObject("/api/simulator/messages?to=" + phone, JsonNode.class).findValuesAsString("body"))
				.singleElement().matches(org.reconnect.WelcomeTexts::is);

			ResponseEntity<JsonNode> lines = coach.postForEntity("/api/simulator/inbound",
					Map.of("from", phone, "body", "HELP\r\n\tplease"), JsonNode.class);
			assertThat(lines.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(coach.postForEntity("/api/simulator/inbound", Map.of("from", phone, "body", "y".repeat(1600)),
					JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		}
		finally {
			coach.delete("/api/participants/" + id);
		}
	}

	private static void assertRefused(ResponseEntity<JsonNode> answer, String field, String saying) {
		assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getBody().path("errors").findValuesAsString("field")).contains(field);
		assertThat(answer.getBody().toString()).contains(saying);
	}
}
