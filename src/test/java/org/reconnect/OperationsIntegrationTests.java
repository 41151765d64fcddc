package org.reconnect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reconnect.escalation.EscalationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

import tools.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/**
 * What operators rely on: liveness apart from readiness, readiness naming what the node needs
 * (MongoDB, the Quartz store and its scheduler, the outbox), and the metrics a check-in and its
 * aftermath leave in /actuator/prometheus, which only a supervisor may read on the public port.
 */
class OperationsIntegrationTests extends LoopTestSupport {

	private static final String SLOT_TIME = "12:17";

	@Autowired
	EscalationService escalation;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PasswordEncoder encoder;

	private final List<String> enrolled = new ArrayList<>();

	private final List<StubMapping> stubs = new ArrayList<>();

	/** Erased participants have no open check-in to escalate in another test of this context. */
	@AfterEach
	void cleanUp() {
		enrolled.forEach(id -> coach().delete("/api/participants/" + id));
		stubs.forEach(twilio::removeStub);
	}

	@Test
	void livenessIsTheProcessAloneAndReadinessNamesWhatTheNodeNeeds() throws Exception {
		ResponseEntity<JsonNode> live = http.getForEntity("/actuator/health/liveness", JsonNode.class);
		assertThat(live.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(live.getBody().get("status").asText()).isEqualTo("UP");
		assertThat(names(live.getBody().get("components"))).containsExactly("livenessState");

		// Quartz is in standby in these tests: the node serves requests but fires nothing.
		ResponseEntity<JsonNode> ready = http.getForEntity("/actuator/health/readiness", JsonNode.class);
		assertThat(ready.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		JsonNode components = ready.getBody().get("components");
		assertThat(names(components)).containsExactlyInAnyOrder("readinessState", "mongo", "db", "quartz", "outbox");
		assertThat(components.get("mongo").get("status").asText()).isEqualTo("UP");
		assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
		assertThat(components.get("quartz").get("status").asText()).isEqualTo("OUT_OF_SERVICE");
		assertThat(components.get("quartz").has("details")).as("details only to a supervisor").isFalse();
		ResponseEntity<JsonNode> serving = http.getForEntity("/actuator/health/serving", JsonNode.class);
		assertThat(serving.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(names(serving.getBody().get("components"))).doesNotContain("outbox");

		scheduler.start();
		try {
			serving = http.getForEntity("/actuator/health/serving", JsonNode.class);
			assertThat(serving.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(serving.getBody().get("status").asText()).isEqualTo("UP");
			JsonNode quartz = coach().getForObject("/actuator/health/readiness", JsonNode.class)
				.get("components")
				.get("quartz");
			assertThat(quartz.get("status").asText()).isEqualTo("UP");
			assertThat(quartz.get("details").get("state").asText()).isEqualTo("running");
			assertThat(quartz.get("details").get("clustered").asBoolean()).isTrue();
			assertThat(quartz.get("details").get("persistent").asBoolean()).isTrue();
		}
		finally {
			scheduler.standby();
		}
		assertThat(http.getForEntity("/actuator/health/serving", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void metricsAreForSupervisorsOnThePublicPort() {
		assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		TestCoaches.ensure(mongo, encoder, "metrics.coach", "metrics-coach-pass");
		assertThat(http.withBasicAuth("metrics.coach", "metrics-coach-pass")
			.getForEntity("/actuator/prometheus", String.class)
			.getStatusCode()).as("a coach sees their caseload, not the whole service").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(scrape().has("reconnect_outbox_backlog", "state", "due")).isTrue();
	}

	@Test
	void aCheckInAndWhatFollowsItShowInTheMetrics() {
		String kit = "+12025550901";
		String nil = "+12025550902";
		// enrolled first, so that the metrics below count the check-ins and not the welcomes
		enrolled.add(enrol("Kit Moreno", kit, "America/New_York", SLOT_TIME));
		enrolled.add(enrol("Nil Ortega", nil, "America/New_York", SLOT_TIME));
		stubs.add(twilio.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(1)
			.withFormParam("To", equalTo(nil))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"code\":21211,\"message\":\"The 'To' number is not valid.\",\"status\":400}"))));
		PrometheusScrape before = scrape();

		// 12:17 in New York on START's day; the slot fires 30 seconds late.
		Instant due = Instant.parse("2030-03-08T17:17:00Z");
		clock.set(due.plusSeconds(30));
		checkIns.fire("America/New_York@" + SLOT_TIME);
		assertThat(sentTo(kit)).hasSize(1);
		// Someone Reconnect does not know writes in: answered, and timed by the webhook's URI.
		sms("+12025550903", "hello?");
		// Kit never answers: the check-in is missed at its 6h deadline, and the ladder's nudge
		// goes 2h after that.
		clock.set(due.plus(Duration.ofHours(6)).plusSeconds(60));
		conversations.expireDue();
		clock.set(due.plus(Duration.ofHours(8)).plusSeconds(120));
		escalation.sweep();
		assertThat(lastSentTo(kit)).startsWith("Hi Kit, just thinking of you.");

		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "reconnect_checkins_fired_total")).isEqualTo(2.0);
		assertThat(delta(before, after, "reconnect_checkins_fired_total", "outcome", "sent")).isGreaterThanOrEqualTo(1.0);
		assertThat(delta(before, after, "reconnect_fire_lag_seconds_count", "kind", "check-in")).isEqualTo(2.0);
		assertThat(delta(before, after, "reconnect_fire_lag_seconds_sum", "kind", "check-in"))
			.as("two check-ins, each handed off 30 s after its due time").isCloseTo(60.0, within(0.001));
		assertThat(after.has("reconnect_fire_lag_seconds_bucket", "kind", "check-in")).as("a histogram").isTrue();
		assertThat(delta(before, after, "reconnect_messages_sent_total", "purpose", "check_in", "channel", "sms"))
			.isGreaterThanOrEqualTo(1.0);
		assertThat(delta(before, after, "reconnect_messages_failed_total", "error", "21211", "retryable", "false"))
			.isEqualTo(1.0);
		assertThat(delta(before, after, "reconnect_escalations_total", "event", "opened")).isGreaterThanOrEqualTo(1.0);
		assertThat(delta(before, after, "reconnect_escalations_total", "event", "step-due")).isGreaterThanOrEqualTo(1.0);
		assertThat(delta(before, after, "reconnect_alerts_total", "recipient", "participant")).isGreaterThanOrEqualTo(1.0);
		assertThat(delta(before, after, "http_server_requests_seconds_count", "uri", "/webhooks/twilio/sms", "method",
				"POST")).isGreaterThanOrEqualTo(1.0);
		assertThat(after.sum("http_server_requests_seconds_sum", "uri", "/webhooks/twilio/sms")).isPositive();
		assertThat(after.has("reconnect_outbox_backlog", "state", "retrying")).isTrue();
		assertThat(after.sum("reconnect_outbox_backlog", "state", "due")).isGreaterThanOrEqualTo(0.0);
		assertThat(after.has("reconnect_outbox_backlog_age_seconds")).isTrue();
		assertThat(after.text()).as("no label names a person").doesNotContain("2025550901", "2025550902", "Kit");
	}

	private PrometheusScrape scrape() {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.TEXT_PLAIN));
		ResponseEntity<String> response = coach().exchange("/actuator/prometheus", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return new PrometheusScrape(response.getBody());
	}

	private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
		return after.sum(name, labels) - before.sum(name, labels);
	}

	private static List<String> names(JsonNode components) {
		List<String> names = new ArrayList<>();
		names.addAll(components.propertyNames());
		return names;
	}
}
