package org.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.quartz.Scheduler;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.SentMessage;
import org.reconnect.scheduling.DueWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The one application context of the tests of due work (reminders, check-in hand-offs): the whole
 * app on the simulator channel with Quartz not started (the tests run what its triggers run) and
 * the clock moved by hand. Shared, so the reminders' and scheduling's tests use one cached context.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.quartz.auto-startup=false",
		// Quartz keeps JVM-wide registries by scheduler name: each test context gets its own.
		"spring.quartz.properties.org.quartz.scheduler.instanceName=reminder-tests", "reconnect.messaging.twilio.account-sid=",
		"reconnect.messaging.twilio.auth-token=", "reconnect.console.initial-coach.password=reminder-pass-2030" })
@Import(DueWorkTestBase.TestClock.class)
public abstract class DueWorkTestBase {

	/** Monday 4 March 2030, 07:00 in New York (EST). */
	protected static final Instant START = Instant.parse("2030-03-04T12:00:00Z");

	private static final Path DATA_DIR = tempDir();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("reconnect.data-dir", DATA_DIR::toString);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START);
		}
	}

	@Autowired
	protected TestRestTemplate http;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected MongoTemplate mongo;

	@Autowired
	protected Scheduler scheduler;

	@Autowired
	protected Messenger messenger;

	@Autowired
	protected DueWork dueWork;

	@Autowired
	protected org.reconnect.flows.ConversationRuntime conversations;

	/** Thrown after a batch's claim, before its hand-over: the node stops there, as under kill -9. */
	protected static final class Stopped extends Error {

		public Stopped() {
			super("stopped after the claim", null, false, false);
		}
	}

	/** Runs the work on two threads at once, as two nodes' sweeps, and adds up what they did. */
	protected int racing(java.util.function.IntSupplier work) throws Exception {
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> done = nodes.invokeAll(List.<java.util.concurrent.Callable<Integer>>of(() -> {
				together.await();
				return work.getAsInt();
			}, () -> {
				together.await();
				return work.getAsInt();
			}));
			return done.get(0).get() + done.get(1).get();
		}
		finally {
			nodes.shutdown();
		}
	}

	protected List<String> checkInsTo(String phone) {
		return messenger.recent(phone, 100)
			.stream()
			.filter(m -> m.purpose() == org.reconnect.messaging.Purpose.CHECK_IN)
			.map(SentMessage::body)
			.toList();
	}

	protected TestRestTemplate coach() {
		return http.withBasicAuth("coach", "reminder-pass-2030");
	}

	protected String enrol(String name, String phone, String zone, String language) {
		return enrol(name, phone, zone, language, "12:15");
	}

	protected String enrol(String name, String phone, String zone, String language, String checkInTime) {
		ResponseEntity<JsonNode> response = coach().postForEntity("/api/participants", Map.of("name", name, "phone", phone,
				"timeZone", zone, "checkInTime", checkInTime, "language", language), JsonNode.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return response.getBody().get("id").asText();
	}

	protected String lastTo(String phone) {
		return messenger.recent(phone, 1).get(0).body();
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("reconnect-reminders");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
