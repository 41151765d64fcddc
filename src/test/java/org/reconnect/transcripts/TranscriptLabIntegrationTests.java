package org.reconnect.transcripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.messaging.PhoneSimulator;
import org.reconnect.participants.ParticipantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * The console's on-demand transcript runs: on throwaway participants with reserved numbers, erased
 * afterwards, with the demo clock put back; a failure says which step and what came instead.
 */
class TranscriptLabIntegrationTests extends SimulatorAppTestBase {

	@Autowired
	TranscriptLab lab;

	@Autowired
	ParticipantService participants;

	@Autowired
	PhoneSimulator phone;

	@Autowired
	MutableClock clock;

	@Autowired
	TestRestTemplate http;

	@AfterEach
	void backToTestTime() {
		clock.reset();
	}

	@Test
	void runsAFlowsTranscriptsAndShowsTheDifferenceWhenOneFails() throws Exception {
		Path tests = Files.createDirectories(FLOWS_DIR.resolve("tests"));
		Files.copy(Path.of("conversation-flows/tests/reminder-reply.yaml"), tests.resolve("reminder-reply.yaml"));
		Files.writeString(tests.resolve("reminder-reply-wrong.yaml"), """
				flow: reminder-reply
				steps:
				  - expect: "Will you make it? Reply GOING, CAN'T or SUPPORT."
				  - send: "going"
				  - expect: "See you there!"
				""");
		clock.set(Instant.parse("2030-03-12T09:30:00Z"));
		clock.shift(Duration.ofHours(3));
		Instant demoTime = clock.instant();

		TranscriptLab.Run run = lab.run("reminder-reply");

		assertThat(run.results()).extracting(TranscriptResult::name, TranscriptResult::passed)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("reminder-reply-wrong.yaml", false),
					org.assertj.core.groups.Tuple.tuple("reminder-reply.yaml", true));
		TranscriptResult wrong = run.results().get(0);
		assertThat(wrong.failedAt()).startsWith("step 3");
		assertThat(wrong.expected()).containsExactly("See you there!");
		assertThat(wrong.actual()).containsExactly("Great. Enjoy it, and say hi to someone new.");
		assertThat(lab.lastRun("reminder-reply")).contains(run);
		assertThat(clock.instant()).as("demo time is back where it was").isEqualTo(demoTime);
		for (long n = TranscriptLab.FIRST_NUMBER; n < TranscriptLab.FIRST_NUMBER + 100; n++) {
			String number = "+" + n;
			assertThat(participants.findByPhone(number)).as(number).isEmpty();
		}
		assertThat(phone.unused("+" + TranscriptLab.FIRST_NUMBER)).as("the test number's messages are erased too").isTrue();
	}

	@Test
	void theApiDrawsAFlowAndRunsItsTranscripts() throws Exception {
		Path tests = Files.createDirectories(FLOWS_DIR.resolve("tests"));
		Files.copy(Path.of("conversation-flows/tests/weekly-reflection-first-week.yaml"),
				tests.resolve("weekly-reflection-first-week.yaml"), StandardCopyOption.REPLACE_EXISTING);
		clock.set(START);
		TestRestTemplate coach = http.withBasicAuth("coach", "sim-pass-2030");

		JsonNode diagram = coach.getForObject("/api/flows/weekly-reflection/diagram", JsonNode.class);
		assertThat(diagram.get("mermaid").asText()).startsWith("stateDiagram-v2");
		assertThat(diagram.get("svg").asText()).startsWith("<svg");
		assertThat(diagram.get("transitions").findValuesAsString("from")).isNotEmpty();
		assertThat(coach.getForEntity("/api/flows/no-such-flow/diagram", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);

		ResponseEntity<JsonNode> run = coach.postForEntity("/api/flows/weekly-reflection/transcript-runs", null,
				JsonNode.class);
		assertThat(run.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(run.getBody().get("results").findValuesAsString("passed")).containsOnly("true").isNotEmpty();
		assertThat(coach.getForObject("/api/flows/weekly-reflection/transcript-runs/latest", JsonNode.class)
			.get("flow").asText()).isEqualTo("weekly-reflection");
	}

	@Test
	void playsAtTheMomentTheTranscriptsAreWrittenFor() {
		assertThat(TranscriptLab.untilTestMoment(Instant.parse("2030-03-12T09:30:00Z")))
			.isEqualTo(Duration.parse("PT78H30M"));
		assertThat(TranscriptLab.untilTestMoment(Instant.parse("2030-03-08T16:00:00Z"))).isZero();
		assertThat(TranscriptLab.untilTestMoment(Instant.parse("2030-03-08T16:01:00Z")))
			.isEqualTo(Duration.ofDays(7).minusMinutes(1));
	}
}
