package org.reconnect.coaches;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.reconnect.system.InvalidInput;
import org.springframework.stereotype.Component;

import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * The one rule for every password set anywhere (a new account, a changed password, the first
 * coach), after NIST SP 800-63B: long enough, not blank, not the username, and not a common
 * password or one close to it. "Common" is judged by zxcvbn4j (MIT), whose shipped dictionaries
 * hold the 30,000 most common passwords, English words, names and keyboard patterns: a password it
 * expects to fall in under 10^8 guesses (score below 3) is refused. No rules about character kinds.
 */
@Component
class PasswordPolicy {

	/** zxcvbn's "safely unguessable": about 10^8 guesses or more. */
	private static final int LEAST_SCORE = 3;

	private final Zxcvbn strength = new Zxcvbn();
	private final int minLength;

	PasswordPolicy(CoachesSettings settings) {
		this.minLength = settings.passwordMinLength();
	}

	/** @throws InvalidInput naming {@code field} and the rule the password breaks */
	void require(String field, String password, String username) {
		problem(field, password, username).ifPresent(problem -> {
			throw new InvalidInput(List.of(problem));
		});
	}

	/** The rule the password breaks, if any; checked in this order, so the answer names one rule. */
	Optional<InvalidInput.FieldProblem> problem(String field, String password, String username) {
		if (password == null || password.codePoints().allMatch(PasswordPolicy::invisible)) {
			return problem(field, "problem.password.blank", minLength);
		}
		if (password.codePointCount(0, password.length()) < minLength) {
			return problem(field, "problem.password.short", minLength);
		}
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		if (!name.isEmpty() && password.strip().toLowerCase(Locale.ROOT).equals(name)) {
			return problem(field, "problem.password.username");
		}
		if (strength.measure(password, name.isEmpty() ? List.of("reconnect") : List.of(name, "reconnect"))
			.getScore() < LEAST_SCORE) {
			return problem(field, "problem.password.guessable");
		}
		return Optional.empty();
	}

	/** Spaces of every kind (a no-break space too), line breaks, control and zero-width characters. */
	private static boolean invisible(int codePoint) {
		int type = Character.getType(codePoint);
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || type == Character.CONTROL
				|| type == Character.FORMAT;
	}

	private static Optional<InvalidInput.FieldProblem> problem(String field, String code, Object... arguments) {
		return Optional.of(InvalidInput.FieldProblem.of(field, code, arguments));
	}
}
