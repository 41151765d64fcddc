package org.reconnect.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;

/**
 * The production log format: one JSON object (Elastic Common Schema) per event, in which a phone
 * number is masked wherever it appears, even in what a library wrote into an exception.
 */
class MaskedLogValuesTests {

	@Test
	void everyPhoneNumberInAJsonLogEventIsMasked() throws Exception {
		LoggerContext logback = new LoggerContext();
		logback.setMDCAdapter(new LogbackMDCAdapter());
		logback.putObject(Environment.class.getName(), new MockEnvironment()
			.withProperty("logging.structured.json.customizer", MaskedLogValues.class.getName())
			.withProperty("spring.application.name", "reconnect"));
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(logback);
		encoder.setFormat("ecs");
		encoder.start();

		LoggingEvent event = new LoggingEvent(getClass().getName(), logback.getLogger("org.reconnect.test"), Level.WARN,
				"Could not save {} (whatsapp:{})", new IllegalStateException(
						"E11000 duplicate key error dup key: { phone: \"+12025550143\" }; To=%2B12025550144"),
				new Object[] { "+12025550143", "+447700900123" });
		String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

		JsonNode json = new ObjectMapper().readTree(line);
		assertThat(json.at("/log/level").asText()).isEqualTo("WARN");
		assertThat(json.at("/service/name").asText()).isEqualTo("reconnect");
		assertThat(json.get("message").asText()).isEqualTo("Could not save +1********43 (whatsapp:+4*********23)");
		assertThat(json.at("/error/message").asText()).contains("+1********43").contains("%2B1********44");
		assertThat(json.at("/error/stack_trace").asText()).contains("+1********43");
		assertThat(line).doesNotContain("2025550143", "2025550144", "7700900123");
	}

	@Test
	void textWithoutANumberIsLeftAsItIs() {
		assertThat(MaskedLogValues.mask("Message 65f0c2 sent in 12 ms (+3 retries), 100% done"))
			.isEqualTo("Message 65f0c2 sent in 12 ms (+3 retries), 100% done");
		assertThat(MaskedLogValues.mask(null)).isNull();
	}
}
