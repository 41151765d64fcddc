package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

/**
 * When the SMS provider stops answering, messages wait in the outbox: the caseload page and the
 * API tell the coach how many and for how long, and say nothing while all is well.
 */
class OutboxBacklogConsoleTests extends SimulatorAppTestBase {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MutableClock clock;

	@Test
	void theCaseloadAndTheApiShowMessagesWaitingOnAProviderThatDoesNotAnswer() {
		clock.set(START);
		TestRestTemplate coach = http.withBasicAuth("coach", "sim-pass-2030");
		Browser browser = new Browser(port);
		browser.signIn("coach", "sim-pass-2030");
		assertThat(browser.get("/").body()).doesNotContain("waiting to go out");
		assertThat(coach.getForObject("/api/outbox/backlog", JsonNode.class).get("behind").asBoolean()).isFalse();

		// Twilio down for eight minutes: 3 check-ins due since then, 2 failed attempts waiting to
		// be tried again; a node holds them (its lease), so no dispatcher here sends them meanwhile.
		Instant now = clock.instant();
		List<Document> waiting = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			waiting.add(message("+120255509" + (60 + i), now.minus(Duration.ofMinutes(8 - i)), 0, now));
		}
		for (int i = 0; i < 2; i++) {
			waiting.add(message("+120255509" + (70 + i), now.plus(Duration.ofMinutes(1)), 2, now));
		}
		mongo.insert(waiting, "messages");
		try {
			JsonNode backlog = coach.getForObject("/api/outbox/backlog", JsonNode.class);
			assertThat(backlog.get("due").asLong()).isEqualTo(3);
			assertThat(backlog.get("retrying").asLong()).isEqualTo(2);
			assertThat(backlog.get("oldestDueAge").asText()).isEqualTo("PT8M");
			assertThat(backlog.toString()).doesNotContain("+1202", "check-in text");

			String page = browser.get("/").body();
			assertThat(page).contains("Messages are waiting to go out:", "3 due", "the oldest for 8 minutes",
					"2 to be tried again", "nothing is lost").doesNotContain("+1202555096");
		}
		finally {
			mongo.remove(Query.query(Criteria.where("_id").in(waiting.stream().map(d -> d.get("_id")).toList())),
					"messages");
		}
		assertThat(browser.get("/").body()).doesNotContain("waiting to go out");
	}

	private static Document message(String to, Instant nextAttemptAt, int attempts, Instant now) {
		return new Document("_id", new org.bson.types.ObjectId()).append("to", to).append("body", "check-in text")
			.append("purpose", "CHECK_IN").append("status", "QUEUED").append("priority", 1)
			.append("nextAttemptAt", Date.from(nextAttemptAt)).append("attempts", attempts)
			.append("leaseOwner", "a-node-that-holds-them").append("leaseUntil", Date.from(now.plus(Duration.ofDays(1))))
			.append("createdAt", Date.from(now.minus(Duration.ofMinutes(9))));
	}
}
