package org.reconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.escalation.EscalationService;
import org.reconnect.escalation.Responsiveness;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * The simulator's demo clock: a jump runs what Quartz would have run in the skipped time, in
 * order, so an unanswered check-in expires and the ladder climbs as it would in real time.
 */
class DemoTimeIntegrationTests extends SimulatorAppTestBase {

	@Autowired
	DemoTime demoTime;

	@Autowired
	MutableClock clock;

	@Autowired
	ParticipantService participants;

	@Autowired
	ConversationRuntime conversations;

	@Autowired
	EscalationService escalation;

	@Autowired
	TestRestTemplate http;

	@AfterEach
	void backToTestTime() {
		clock.reset();
	}

	@Test
	void aJumpExpiresTheUnansweredCheckInAndTheLadderReachesTheCoach() {
		clock.set(START);
		ParticipantId id = participants.enrol(new EnrolParticipant("Rae Quinn", "+1 202 555 0371", "America/New_York",
				"11:00", "en"), "coach").id();
		conversations.startCheckIn(id);

		DemoTime.Jumped jumped = demoTime.jump(DemoTime.parse("by", "+7h"));

		assertThat(jumped.to()).isEqualTo(START.plus(Duration.ofHours(7)));
		assertThat(conversations.open(id)).as("the check-in expired unanswered").isEmpty();
		assertThat(escalation.responsiveness(id).state()).isEqualTo(Responsiveness.LATE);
		assertThat(escalation.attention()).noneMatch(a -> a.participantId().equals(id.value())
				&& a.recipient() != null && a.recipient().startsWith("coach:"));

		demoTime.jump(DemoTime.parse("by", "+1d"));

		assertThat(escalation.attention()).as("the ladder's coach step")
			.anyMatch(a -> a.participantId().equals(id.value()) && a.recipient() != null
					&& a.recipient().startsWith("coach:"));
		assertThat(escalation.responsiveness(id).state()).isEqualTo(Responsiveness.QUIET);
	}

	@Test
	void aJumpFiresTheCheckInsThatFellDueInTheSkippedTime() {
		clock.set(START);
		ParticipantId id = participants.enrol(new EnrolParticipant("Ivo Marsh", "+1 202 555 0372", "America/New_York",
				"12:00", "en"), "coach").id();

		demoTime.jump(Duration.ofHours(2));

		assertThat(conversations.open(id)).hasValueSatisfying(c -> assertThat(c.flow()).isEqualTo("daily-checkin"));
	}

	@Test
	void theApiJumpsReadsAndResetsDemoTime() {
		TestRestTemplate coach = http.withBasicAuth("coach", "sim-pass-2030");
		clock.set(START);

		ResponseEntity<JsonNode> jumped = coach.postForEntity("/api/simulator/clock/jumps", Map.of("by", "+2h"),
				JsonNode.class);

		assertThat(jumped.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(jumped.getBody().at("/clock/now").asText()).isEqualTo("2030-03-08T18:00:00Z");
		assertThat(coach.getForObject("/api/simulator/clock", JsonNode.class).get("offset").asText()).isEqualTo("PT2H");
		ResponseEntity<JsonNode> backwards = coach.postForEntity("/api/simulator/clock/jumps", Map.of("by", "-2h"),
				JsonNode.class);
		assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(backwards.getBody().get("errors").findValuesAsString("field")).containsExactly("by");
		coach.postForEntity("/api/simulator/clock/reset", null, JsonNode.class);
		assertThat(clock.instant()).isEqualTo(START);
	}
}
