package org.reconnect.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.SimulatorAppTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/** Coaches see every flow with its revision and problems, and can start one with a participant. */
class FlowApiIntegrationTests extends SimulatorAppTestBase {

	@Autowired
	TestRestTemplate http;

	@Test
	void listsEveryFlowWithItsRevisionAndStartsOneOnRequest() {
		TestRestTemplate coach = http.withBasicAuth("coach", "sim-pass-2030");
		JsonNode flows = coach.getForObject("/api/flows", JsonNode.class);
		assertThat(flows.findValuesAsString("flow")).contains("daily-checkin", "onboarding", "weekly-reflection",
				"reminder-reply");
		assertThat(flows.findValues("revision")).allSatisfy(r -> assertThat(r.asText()).hasSize(16));

		String id = coach.postForEntity("/api/participants", Map.of("name", "Noa Levi", "phone", "+1 202 555 0351",
				"timeZone", "America/New_York", "checkInTime", "08:00"), JsonNode.class).getBody().get("id").asText();

		ResponseEntity<JsonNode> unknown = coach.postForEntity("/api/participants/" + id + "/conversations",
				Map.of("flow", "no-such-flow"), JsonNode.class);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknown.getBody().get("errors").findValuesAsString("field")).containsExactly("flow");

		ResponseEntity<JsonNode> started = coach.postForEntity("/api/participants/" + id + "/conversations",
				Map.of("flow", "onboarding"), JsonNode.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(started.getBody().get("startedNow").asBoolean()).isTrue();
		assertThat(started.getBody().at("/open/flow").asText()).isEqualTo("onboarding");
		assertThat(started.getBody().at("/open/state").asText()).isEqualTo("welcome");
	}

	@Test
	void aCheckInTimeChosenByTextInsideQuietHoursIsNotTakenAndThePersonIsToldWhy() {
		TestRestTemplate coach = http.withBasicAuth("coach", "sim-pass-2030");
		String phone = "+12025550352";
		String id = coach.postForEntity("/api/participants", Map.of("name", "Ira Bell", "phone", "+1 202 555 0352",
				"timeZone", "America/New_York", "checkInTime", "09:00"), JsonNode.class).getBody().get("id").asText();
		coach.postForEntity("/api/participants/" + id + "/conversations", Map.of("flow", "onboarding"), JsonNode.class);

		text(coach, phone, "yes");
		JsonNode late = text(coach, phone, "11pm");
		assertThat(late.findValuesAsString("body")).contains(
				"23:00 is in your quiet hours (21:00\u201308:00), when we don't send messages, so your daily check-in stays "
						+ "at 09:00. Your coach can change it with you.");
		assertThat(coach.getForObject("/api/participants/" + id, JsonNode.class).at("/profile/checkInTime").asText())
			.isEqualTo("09:00");

		coach.postForEntity("/api/participants/" + id + "/conversations", Map.of("flow", "onboarding"), JsonNode.class);
		text(coach, phone, "yes");
		text(coach, phone, "18:30");
		assertThat(coach.getForObject("/api/participants/" + id, JsonNode.class).at("/profile/checkInTime").asText())
			.isEqualTo("18:30");
	}

	private static JsonNode text(TestRestTemplate coach, String from, String body) {
		return coach.postForObject("/api/simulator/inbound", Map.of("from", from, "body", body), JsonNode.class);
	}
}
