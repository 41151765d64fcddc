package org.reconnect.console;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A peer coach's account; the password is stored only as a hash. A disabled account can no
 * longer sign in (by password, passkey or API token); its participants stay where they are.
 *
 * @param role {@link Role#COACH} or {@link Role#SUPERVISOR}, by name
 * @param disabledAt when a supervisor disabled the account; null while it may sign in
 * @param credentialsVersion goes up whenever the account is disabled or its role or password
 * changes: a console session signed in under an older one is ended on its next request, on any node
 * ({@link CoachSessions})
 */
@Document("coaches")
record Coach(@Id String username, String passwordHash, String phone, String role, Instant createdAt,
		Instant disabledAt, Integer credentialsVersion) {

	/** An account stored before credentials had versions is at version 0. */
	@PersistenceCreator
	Coach {
		credentialsVersion = credentialsVersion == null ? 0 : credentialsVersion;
	}

	/** A new account. */
	Coach(String username, String passwordHash, String phone, String role, Instant createdAt, Instant disabledAt) {
		this(username, passwordHash, phone, role, createdAt, disabledAt, 0);
	}

	boolean enabled() {
		return disabledAt == null;
	}
}
