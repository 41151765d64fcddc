package org.reconnect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.stream.Stream;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for every test that plays conversations through the phone simulator
 * (no Twilio account), shared through Spring's context cache: extend this class and change
 * nothing in the configuration. Its flows are the shipped ones plus the test-only flows in
 * src/test/resources/flows/policies/flows, copied into a folder the tests may change.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.quartz.auto-startup=false",
		// Quartz keeps JVM-wide registries by scheduler name: each test context gets its own.
		"spring.quartz.properties.org.quartz.scheduler.instanceName=simulator-tests", "reconnect.messaging.twilio.account-sid=",
		"reconnect.messaging.twilio.auth-token=", "reconnect.console.initial-coach.password=sim-pass-2030",
		"reconnect.flows.reload-interval=1h" })
@Import(SimulatorAppTestBase.TestClock.class)
public abstract class SimulatorAppTestBase {

	/** 11:00 on a Friday in New York, in the future so Quartz never fires on its own. */
	public static final Instant START = Instant.parse("2030-03-08T16:00:00Z");

	protected static final Path DATA_DIR = tempDir("reconnect-sim-data");

	protected static final Path FLOWS_DIR = flows();

	@DynamicPropertySource
	static void simulatorProperties(DynamicPropertyRegistry registry) {
		registry.add("reconnect.data-dir", DATA_DIR::toString);
		registry.add("reconnect.flows.directory", FLOWS_DIR::toString);
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class TestClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START);
		}
	}

	private static Path flows() {
		Path dir = tempDir("reconnect-sim-flows");
		copyYaml(Path.of("conversation-flows"), dir);
		copyYaml(Path.of("src/test/resources/flows/policies/flows"), dir);
		return dir;
	}

	private static void copyYaml(Path from, Path to) {
		try (Stream<Path> files = Files.list(from)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
				Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path tempDir(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
