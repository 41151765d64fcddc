package org.reconnect;

import java.time.Instant;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Coach accounts for tests that need more than the first coach (caseload separation, a coach of
 * one's own whose caseload nothing else touches). Writes the account as the console stores it.
 */
public final class TestCoaches {

	private TestCoaches() {
	}

	/** Creates (or resets) a coach account with role COACH. */
	public static void ensure(MongoTemplate mongo, PasswordEncoder encoder, String username, String password) {
		Document coach = new Document("_id", username).append("passwordHash", encoder.encode(password))
			.append("role", "COACH")
			.append("createdAt", Instant.parse("2030-01-01T00:00:00Z"));
		mongo.getCollection("coaches").replaceOne(new Document("_id", username), coach,
				new com.mongodb.client.model.ReplaceOptions().upsert(true));
	}
}
