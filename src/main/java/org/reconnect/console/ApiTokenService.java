package org.reconnect.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.reconnect.coaches.Coach;
import org.reconnect.coaches.CoachAccounts;
import org.reconnect.coaches.CoachCredentialsChanged;
import org.reconnect.system.InvalidInput;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** Issues, lists, revokes and checks API tokens; a token acts as the coach account it was issued for. */
@Service
class ApiTokenService {

	static final String PREFIX = "rct_";
	private static final Duration LONGEST = Duration.ofDays(366);

	private final ApiTokens tokens;
	private final CoachAccounts coaches;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	ApiTokenService(ApiTokens tokens, CoachAccounts coaches, Clock clock) {
		this.tokens = tokens;
		this.coaches = coaches;
		this.clock = clock;
	}

	/** @return the token's record and its secret, which is not kept and cannot be shown again */
	Issued issue(String coach, String name, Instant expiresAt, String issuedBy) {
		Instant now = clock.instant();
		if (coach == null || coaches.find(coach).filter(Coach::enabled).isEmpty()) {
			throw InvalidInput.of("coach", "problem.token.coach");
		}
		if (name == null || name.isBlank() || name.length() > 80) {
			throw InvalidInput.of("name", "problem.token.name");
		}
		if (expiresAt == null || !expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(LONGEST))) {
			throw InvalidInput.of("expiresAt", "problem.token.expires", now.plus(Duration.ofDays(90)));
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiToken token = tokens.save(new ApiToken(UUID.randomUUID().toString(), name.trim(), coach, hash(secret), now,
				issuedBy, expiresAt, null));
		return new Issued(token, secret);
	}

	List<ApiToken> all() {
		return tokens.findAllByOrderByIssuedAtDesc();
	}

	boolean revoke(String id) {
		return tokens.findById(id).map(token -> {
			if (token.revokedAt() == null) {
				tokens.save(token.revoke(clock.instant()));
			}
			return true;
		}).orElse(false);
	}

	/** Tokens issued under a coach's old credentials no longer hold. */
	@EventListener
	void on(CoachCredentialsChanged changed) {
		revokeAllOf(changed.username());
	}

	void revokeAllOf(String coach) {
		tokens.findByCoach(coach).stream().filter(t -> t.revokedAt() == null).forEach(t -> tokens.save(t.revoke(clock.instant())));
	}

	/** The coach account a presented secret stands for, while it is neither revoked nor expired. */
	Optional<Coach> coachFor(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return tokens.findByHash(hash(secret))
			.filter(token -> token.usableAt(clock.instant()))
			.flatMap(token -> coaches.find(token.coach()))
			.filter(Coach::enabled);
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	record Issued(ApiToken token, String secret) {
	}
}
