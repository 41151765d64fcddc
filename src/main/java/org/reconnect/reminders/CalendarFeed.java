package org.reconnect.reminders;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A participant's private calendar feed. Only the SHA-256 of the token is stored, so the URL
 * cannot be rebuilt from the database; revoking deletes the document.
 */
@Document("calendar_feeds")
record CalendarFeed(@Id String tokenHash, @Indexed String participantId, Instant createdAt) {
}
