package org.reconnect.console;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Recent failed password sign-ins for one username (existing or not, so a lock says nothing about
 * whether the account exists), and until when it is locked.
 */
@Document("sign_in_lockouts")
record Lockout(@Id String username, List<Instant> failures, Instant lockedUntil) {
}
