package org.reconnect.console;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One sign-in attempt, kept for supervisors. The address is truncated (the last IPv4 octet, all but
 * the first three IPv6 groups) so it shows where from without pinpointing a person.
 *
 * @param username as typed (an attempt on an unknown name is recorded too); "(passkey)" when a
 * passkey was not recognised
 * @param method PASSWORD (the sign-in form), BASIC (the API) or PASSKEY
 * @param outcome SUCCESS, FAILURE or LOCKED
 */
@Document("sign_ins")
public record SignIn(@Id String id, String username, @Indexed Instant at, String method, String outcome,
		String address) {
}
