package org.reconnect.reminders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.reconnect.MutableClock;
import org.reconnect.ReconnectApplication;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.scheduling.MinuteTriggers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two scheduler nodes (two application contexts, Quartz started, clustered on one real
 * PostgreSQL, one MongoDB) fire 2,000 reminders due in the same minute; one node is stopped in
 * the middle; every reminder is sent exactly once. Each node talks to its own fake Twilio, so the
 * messages of each node can be counted apart. Both nodes carry the scheduler name "reconnect", as
 * one cluster must; in one JVM Quartz then keys their connection provider by that name, so both use
 * one pool onto the same PostgreSQL (row locks and check-ins are still the database's).
 */
class ReminderClusterIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(ReminderClusterIntegrationTests.class);

	private static final int REMINDERS = 2000;

	private static final String SID = "AC0123456789abcdef0123456789abcdef";

	private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";

	private static EmbeddedPostgres postgres;

	private static MongoServer mongo;

	private static WireMockServer twilioA;

	private static WireMockServer twilioB;

	@TempDir
	Path dataDir;

	private final MutableClock clock = new MutableClock(Instant.parse("2030-03-04T12:00:00Z"));

	@BeforeAll
	static void start() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
		mongo = new MongoServer(new H2Backend(new MVStore.Builder().open()));
		mongo.bind("127.0.0.1", 0);
		twilioA = twilio();
		twilioB = twilio();
	}

	@AfterAll
	static void stop() throws Exception {
		twilioA.stop();
		twilioB.stop();
		mongo.shutdownNow();
		postgres.close();
	}

	@Test
	void twoThousandRemindersDueInOneMinuteGoExactlyOnceWhenANodeStopsInTheMiddle() throws Exception {
		ConfigurableApplicationContext nodeA = node("a", twilioA);
		try (ConfigurableApplicationContext nodeB = node("b", twilioB)) {
			// Each node is ready: its scheduler runs, clustered, on PostgreSQL; MongoDB answers.
			for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
				JsonNode readiness = readiness(node);
				assertThat(readiness.get("status").asText()).isEqualTo("UP");
				JsonNode quartz = readiness.get("components").get("quartz");
				assertThat(quartz.get("status").asText()).isEqualTo("UP");
				assertThat(quartz.get("details").get("clustered").asBoolean()).isTrue();
				assertThat(readiness.get("components").get("db").get("details").get("database").asText())
					.isEqualTo("PostgreSQL");
				assertThat(readiness.get("components").get("mongo").get("status").asText()).isEqualTo("UP");
			}
			ParticipantService participants = nodeB.getBean(ParticipantService.class);
			ReminderService reminders = nodeB.getBean(ReminderService.class);
			for (int i = 0; i < REMINDERS; i++) {
				ParticipantProfile p = participants.enrol(new EnrolParticipant("P" + i, phone(i), "America/New_York",
						"20:30", "en"), "coach");
				// Monday 09:00 EST, reminded an hour before: all 2,000 are due at 13:00 UTC.
				reminders.create(p.id(), new ReminderRequest("Group meeting", "Room 4", null, null, "2030-03-04T09:00",
						null, null, List.of(new ReminderRequest.LeadRequest("PT1H", null, null))));
			}
			log.info("{} participants and reminders created", REMINDERS);
			MongoTemplate store = nodeB.getBean(MongoTemplate.class);
			assertThat(store.count(Query.query(Criteria.where("nextSendAt").is(Instant.parse("2030-03-04T13:00:00Z"))),
					Reminder.class)).isEqualTo(REMINDERS);

			// The minute comes. Both nodes fire the reminder job (the minute's trigger and a second
			// fire, as the sweep would make); the cluster decides where each runs.
			clock.set(Instant.parse("2030-03-04T13:00:00Z"));
			nodeA.getBean(Scheduler.class).triggerJob(MinuteTriggers.JOB);
			nodeB.getBean(Scheduler.class).triggerJob(MinuteTriggers.JOB);

			await().atMost(Duration.ofSeconds(120)).until(() -> sent(twilioA).size() + sent(twilioB).size() >= 400);
			nodeA.close();
			int byA = sent(twilioA).size();
			log.info("Node a stopped after sending {} reminders; node b had sent {}", byA, sent(twilioB).size());

			await().atMost(Duration.ofSeconds(180))
				.until(() -> store.count(Query.query(Criteria.where("lastSentAt").ne(null)), Reminder.class) == REMINDERS);
			// Handed off means accepted or queued in the outbox; wait for the queued ones to go too.
			await().atMost(Duration.ofSeconds(120)).until(() -> sent(twilioA).size() + sent(twilioB).size() >= REMINDERS);
			assertThat(sent(twilioA)).as("node a sends nothing once stopped").hasSize(byA);
			List<String> all = new ArrayList<>(sent(twilioA));
			all.addAll(sent(twilioB));
			assertThat(all).as("exactly once: 2,000 messages to 2,000 numbers").hasSize(REMINDERS);
			Set<String> expected = new HashSet<>();
			for (int i = 0; i < REMINDERS; i++) {
				expected.add(phone(i));
			}
			assertThat(new HashSet<>(all)).isEqualTo(expected);
			assertThat(store.count(Query.query(Criteria.where("nextSendAt").ne(null)), Reminder.class)).isZero();
			assertThat(store.findAll(Reminder.class))
				.allSatisfy(r -> assertThat(r.deliveries).extracting(Reminder.Delivery::outcome).containsExactly(Reminder.Outcome.SENT));
			log.info("2,000 reminders sent exactly once: {} by node a, {} by node b", byA, all.size() - byA);
		}
		finally {
			nodeA.close();
		}
		// Stateless nodes: given a MongoDB URI and a Quartz database, neither wrote a file of its own.
		assertThat(dataDir).isEmptyDirectory();
	}

	/** GET /actuator/health/readiness, with details (as a supervisor). */
	private static JsonNode readiness(ConfigurableApplicationContext node) throws Exception {
		String port = node.getEnvironment().getProperty("local.server.port");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString("coach:cluster-pass-2030".getBytes(StandardCharsets.UTF_8)))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return new ObjectMapper().readTree(response.body());
	}

	private ConfigurableApplicationContext node(String name, WireMockServer twilio) {
		return new SpringApplicationBuilder(ReconnectApplication.class)
			.initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
			.run("--server.port=0", "--spring.quartz.auto-startup=true", "--reconnect.data-dir=" + dataDir.resolve(name),
					"--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/reconnect",
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=",
					"--reconnect.console.initial-coach.password=cluster-pass-2030",
					"--reconnect.messaging.twilio.account-sid=" + SID,
					"--reconnect.messaging.twilio.auth-token=cluster-token-0123456789abcdef",
					"--reconnect.messaging.twilio.from-number=+15005550006",
					"--reconnect.messaging.twilio.api-base-url=" + twilio.baseUrl(),
					// no pacing per sender: this counts claims, not Twilio's long-code rate
					"--reconnect.messaging.outbox.messages-per-second=0",
					"--logging.level.org.reconnect=WARN",
					"--logging.level.org.reconnect.reminders.ReminderClusterIntegrationTests=INFO");
	}

	private static WireMockServer twilio() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().notifier(new Slf4jNotifier(false)));
		server.start();
		server.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\"}")));
		return server;
	}

	/** The numbers a fake Twilio was asked to send a reminder to (the reply flow's question follows each). */
	private static List<String> sent(WireMockServer twilio) {
		return twilio.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)))
			.stream()
			.filter(request -> URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8).contains("a reminder:"))
			.map(ReminderClusterIntegrationTests::to)
			.toList();
	}

	private static String to(LoggedRequest request) {
		for (String pair : request.getBodyAsString().split("&")) {
			if (pair.startsWith("To=")) {
				return URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8);
			}
		}
		return "";
	}

	/** 2,000 distinct valid numbers, none of them real subscribers' concern: they only reach WireMock. */
	private static String phone(int i) {
		return "+1202" + (2000000 + i);
	}
}
