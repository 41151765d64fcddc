package org.reconnect.messaging;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The key of an inbound message taken for processing; holds no number and no text.
 *
 * @param processing true from the moment it is taken until its handlers are done (absent in keys
 * written before this field: those are done)
 */
@Document("seen_messages")
record SeenMessage(@Id String key, Instant receivedAt, Boolean processing) {
}
