package org.reconnect.console;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A peer coach's account; the password is stored only as a hash. */
@Document("coaches")
record Coach(@Id String username, String passwordHash, String phone, String role, Instant createdAt) {
}
