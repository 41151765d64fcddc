package org.reconnect.messaging;

import java.time.Instant;
import java.util.List;

/**
 * One message's journey as the message API shows it; no number and no text.
 *
 * @param status the outbox's status: QUEUED, SENT, FAILED, SUPPRESSED, DROPPED
 * @param deliveryStatus Twilio's latest status (queued, sent, delivered, undelivered, failed)
 * @param reportedStatuses every status Twilio reported, in the order first seen
 * @param error the channel's error code, or why the message was dropped
 */
public record MessageView(String id, Purpose purpose, String status, String deliveryStatus,
		List<String> reportedStatuses, int attempts, String error, Instant createdAt, Instant nextAttemptAt,
		Instant sentAt, Instant updatedAt) {
}
