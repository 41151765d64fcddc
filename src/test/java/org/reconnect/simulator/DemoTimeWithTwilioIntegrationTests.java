package org.reconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.ConsoleBrowser;
import org.reconnect.LoopTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/** With a Twilio account real people are texted: there is no demo time to jump, and the API says why. */
class DemoTimeWithTwilioIntegrationTests extends LoopTestSupport {

	@Autowired
	DemoTime demoTime;

	@Test
	void theClockCannotBeJumpedWhenTwilioIsConfigured() {
		ResponseEntity<JsonNode> jump = coach().postForEntity("/api/simulator/clock/jumps", Map.of("by", "+2h"), JsonNode.class);

		assertThat(jump.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(jump.getBody().get("detail").asText()).contains("Twilio account is configured");
		assertThat(jump.getBody().get("title").asText()).isEqualTo("No demo time here");
		HttpHeaders spanish = new HttpHeaders();
		spanish.set(HttpHeaders.ACCEPT_LANGUAGE, "es-MX,es;q=0.9");
		ResponseEntity<JsonNode> enEspanol = coach().exchange("/api/simulator/clock/jumps", HttpMethod.POST,
				new HttpEntity<>(Map.of("by", "+2h"), spanish), JsonNode.class);
		assertThat(enEspanol.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(enEspanol.getBody().get("title").asText()).isEqualTo("Aquí no hay hora de demostración");
		assertThat(enEspanol.getBody().get("detail").asText()).startsWith("Hay una cuenta de Twilio configurada");
		assertThat(demoTime.available()).isFalse();
		assertThatThrownBy(() -> demoTime.jump(Duration.ofHours(2))).isInstanceOf(DemoTimeUnavailable.class);
		assertThat(clock.offset()).isZero();
		assertThat(coach().postForEntity("/api/flows/daily-checkin/transcript-runs", null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void theConsoleSaysWhyThereIsNoSimulatorAndNoTranscriptRuns() {
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri())) {
			browser.signIn("coach", "test-pass-2030");
			browser.go("/simulator");
			assertThat(browser.text("main")).contains("A Twilio account is configured");
			assertThat(browser.findAll("main form")).as("no clock, no phone").isEmpty();

			browser.go("/flows/daily-checkin");
			assertThat(browser.text("#transcripts")).contains("not run from the console here");
			assertThat(browser.findAll("#transcripts form")).isEmpty();
		}
	}
}
