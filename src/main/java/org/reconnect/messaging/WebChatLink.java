package org.reconnect.messaging;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A private link to the web chat: whoever holds the token writes and reads as that phone number.
 * Revoked links stop working at once.
 */
@Document("web_chat_links")
class WebChatLink {

	@Id
	String token;

	String phone;

	Instant createdAt;

	Instant revokedAt;

	boolean active() {
		return revokedAt == null;
	}
}
