package org.reconnect.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code max-failures} failed sign-ins for one username within
 * the window, the username is locked for a while (form login and HTTP Basic alike). Kept in
 * MongoDB so every node and a restart see the same lock. Each failure is one atomic update that
 * appends it and hands back the result, so simultaneous failures all count (none is lost to a
 * read-change-save of another) and the one that makes the count locks.
 */
@Component
class SignInThrottle {

	private final Lockouts lockouts;
	private final MongoTemplate mongo;
	private final ConsoleSettings.Lockout settings;
	private final Clock clock;

	SignInThrottle(Lockouts lockouts, MongoTemplate mongo, ConsoleSettings settings, Clock clock) {
		this.lockouts = lockouts;
		this.mongo = mongo;
		this.settings = settings.lockout();
		this.clock = clock;
	}

	boolean locked(String username) {
		return lockouts.findById(key(username))
			.map(lockout -> lockout.lockedUntil() != null && lockout.lockedUntil().isAfter(clock.instant()))
			.orElse(false);
	}

	/** Counts a failure; the one that reaches the limit locks the username. */
	void failed(String username) {
		Instant now = clock.instant();
		Lockout counted = append(key(username), now);
		Instant since = now.minus(settings.within());
		long recent = counted.failures().stream().filter(at -> at.isAfter(since)).count();
		if (recent >= settings.maxFailures()) {
			// failures that count toward the next lock start afresh, as the lock begins
			mongo.updateFirst(byKey(key(username)),
					new Update().set("lockedUntil", now.plus(settings.lockFor())).set("failures", List.of()), Lockout.class);
		}
	}

	void succeeded(String username) {
		lockouts.deleteById(key(username));
	}

	/** Appends the failure, keeping the latest {@code max-failures}: all a decision to lock needs. */
	private Lockout append(String key, Instant at) {
		Update update = new Update().push("failures").slice(-settings.maxFailures()).each(at);
		FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
		try {
			return mongo.findAndModify(byKey(key), update, options, Lockout.class);
		}
		catch (DuplicateKeyException firstForThisUsername) {
			// two first failures at once: both tried to create the document; now it exists
			return mongo.findAndModify(byKey(key), update, options, Lockout.class);
		}
	}

	private static Query byKey(String key) {
		return Query.query(Criteria.where("_id").is(key));
	}

	/** Usernames are compared as typed, but case must not open a second set of five tries. */
	private static String key(String username) {
		return username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
	}
}
