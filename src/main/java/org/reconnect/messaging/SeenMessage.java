package org.reconnect.messaging;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The key of an inbound message already processed; holds no number and no text. */
@Document("seen_messages")
record SeenMessage(@Id String key, Instant receivedAt) {
}
