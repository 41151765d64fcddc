package org.reconnect.escalation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An alert to an ally, or one that consent stopped; holds ids, not text. */
@Document("alerts")
record AlertRecord(@Id String id, String kind, String participantId, String allyId, String conversationId,
		String outcome, String messageId, Instant at) {
}
