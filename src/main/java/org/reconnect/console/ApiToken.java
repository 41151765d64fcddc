package org.reconnect.console;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An API token for one coach account. Only the SHA-256 of the secret is kept: the secret itself is
 * shown once, when the token is issued.
 */
@Document("api_tokens")
record ApiToken(@Id String id, String name, String coach, @Indexed(unique = true) String hash, Instant issuedAt,
		String issuedBy, Instant expiresAt, Instant revokedAt) {

	boolean usableAt(Instant now) {
		return revokedAt == null && now.isBefore(expiresAt);
	}

	ApiToken revoke(Instant at) {
		return new ApiToken(id, name, coach, hash, issuedAt, issuedBy, expiresAt, at);
	}
}
