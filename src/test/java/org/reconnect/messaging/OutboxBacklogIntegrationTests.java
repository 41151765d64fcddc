package org.reconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reconnect.LoopTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The outbox's part in readiness, on the embedded store: OUT_OF_SERVICE once the oldest message
 * whose turn has come has waited too long, or too many wait (due, or to be tried again after a
 * failed attempt); messages held for quiet hours wait on purpose and do not count. Each test uses
 * an outbox collection of its own, so nothing else in the shared context is counted.
 */
class OutboxBacklogIntegrationTests extends LoopTestSupport {

	private static final BacklogSettings LIMITS = new BacklogSettings(Duration.ofMinutes(10), 3);

	@Autowired
	MongoTemplate mongo;

	private final String collection = "outbox-backlog-" + UUID.randomUUID();


	@AfterEach
	void dropCollection() {
		mongo.dropCollection(collection);
	}

	@Test
	void anOutboxThatKeepsUpIsUpAndOneThatFallsBehindIsOutOfService() {
		Outbox outbox = new Outbox(mongo, collection);
		OutboxHealthIndicator health = new OutboxHealthIndicator(outbox, LIMITS, clock);
		Instant now = clock.instant();

		Health empty = health.health();
		assertThat(empty.getStatus()).isEqualTo(Status.UP);
		assertThat(empty.getDetails()).containsEntry("due", 0L).containsEntry("retrying", 0L)
			.containsEntry("oldestDueAge", "PT0S");

		queued(outbox, now.minus(Duration.ofMinutes(9)), 0);
		queued(outbox, now.plus(Duration.ofHours(9)), 0); // held for quiet hours: not late
		Health keepingUp = health.health();
		assertThat(keepingUp.getStatus()).isEqualTo(Status.UP);
		assertThat(keepingUp.getDetails()).containsEntry("due", 1L).containsEntry("retrying", 0L)
			.containsEntry("oldestDueAge", "PT9M");

		clock.advance(Duration.ofMinutes(2));
		Health behind = health.health();
		assertThat(behind.getStatus()).as("the oldest due message has waited 11 minutes").isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(behind.getDetails()).containsEntry("oldestDueAge", "PT11M").containsEntry("maxDueAge", "PT10M");
	}

	@Test
	void messagesWaitingForARetryCountAgainstTheLimit() {
		Outbox outbox = new Outbox(mongo, collection);
		OutboxHealthIndicator health = new OutboxHealthIndicator(outbox, LIMITS, clock);
		Instant later = clock.instant().plus(Duration.ofMinutes(5));

		queued(outbox, clock.instant(), 0);
		queued(outbox, later, 1);
		queued(outbox, later, 2);
		assertThat(health.health().getStatus()).as("three waiting: at the limit").isEqualTo(Status.UP);

		queued(outbox, later, 1);
		Health behind = health.health();
		assertThat(behind.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(behind.getDetails()).containsEntry("due", 1L).containsEntry("retrying", 3L)
			.containsEntry("maxWaiting", 3L);
	}

	private void queued(Outbox outbox, Instant nextAttemptAt, int attempts) {
		MessageRecord record = MessageRecord.of(
				new OutboundMessage("+12025550950", "Backlog test.", Purpose.CHECK_IN, "backlog-test"),
				MessageRecord.Status.QUEUED, clock.instant());
		record.nextAttemptAt = nextAttemptAt;
		record.attempts = attempts;
		outbox.insert(record);
	}
}
