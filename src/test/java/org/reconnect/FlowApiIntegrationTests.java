package org.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** Coaches see every flow with its revision and problems, and can start one with a participant. */
class FlowApiIntegrationTests extends SimulatorAppTestBase {

	@Autowired
	TestRestTemplate http;

	@Test
	void listsEveryFlowWithItsRevisionAndStartsOneOnRequest() {
		TestRestTemplate coach = http.withBasicAuth("coach", "sim-pass-2030");
		JsonNode flows = coach.getForObject("/api/flows", JsonNode.class);
		assertThat(flows.findValuesAsText("flow")).contains("daily-checkin", "onboarding", "weekly-reflection",
				"reminder-reply");
		assertThat(flows.findValues("revision")).allSatisfy(r -> assertThat(r.asText()).hasSize(16));

		String id = coach.postForEntity("/api/participants", Map.of("name", "Noa Levi", "phone", "+1 202 555 0351",
				"timeZone", "America/New_York", "checkInTime", "08:00"), JsonNode.class).getBody().get("id").asText();

		ResponseEntity<JsonNode> unknown = coach.postForEntity("/api/participants/" + id + "/conversations",
				Map.of("flow", "no-such-flow"), JsonNode.class);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknown.getBody().get("errors").findValuesAsText("field")).containsExactly("flow");

		ResponseEntity<JsonNode> started = coach.postForEntity("/api/participants/" + id + "/conversations",
				Map.of("flow", "onboarding"), JsonNode.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(started.getBody().get("startedNow").asBoolean()).isTrue();
		assertThat(started.getBody().at("/open/flow").asText()).isEqualTo("onboarding");
		assertThat(started.getBody().at("/open/state").asText()).isEqualTo("welcome");
	}
}
