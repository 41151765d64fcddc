package org.reconnect.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code max-failures} failed sign-ins for one username within
 * the window, the username is locked for a while (form login and HTTP Basic alike). Kept in
 * MongoDB so every node and a restart see the same lock.
 */
@Component
class SignInThrottle {

	private final Lockouts lockouts;
	private final ConsoleSettings.Lockout settings;
	private final Clock clock;

	SignInThrottle(Lockouts lockouts, ConsoleSettings settings, Clock clock) {
		this.lockouts = lockouts;
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
		Instant since = now.minus(settings.within());
		List<Instant> recent = new ArrayList<>(lockouts.findById(key(username))
			.map(Lockout::failures)
			.orElse(List.of())
			.stream()
			.filter(at -> at.isAfter(since))
			.toList());
		recent.add(now);
		if (recent.size() >= settings.maxFailures()) {
			lockouts.save(new Lockout(key(username), List.of(), now.plus(settings.lockFor())));
		}
		else {
			lockouts.save(new Lockout(key(username), recent, null));
		}
	}

	void succeeded(String username) {
		lockouts.deleteById(key(username));
	}

	/** Usernames are compared as typed, but case must not open a second set of five tries. */
	private static String key(String username) {
		return username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
	}
}
