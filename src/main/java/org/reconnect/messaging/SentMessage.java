package org.reconnect.messaging;

import java.time.Instant;

/** An outbound message as the simulator and the console show it. */
public record SentMessage(String id, String to, String body, Purpose purpose, String status, String providerId,
		Instant createdAt) {
}
