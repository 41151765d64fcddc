package org.reconnect.console;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

import org.reconnect.system.InvalidInput;
import org.reconnect.system.PhoneNumbers;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A supervisor's work on coach accounts: create, list, disable, change the role or the password.
 * Disabling and changing the role or the password are credential changes: each is one atomic
 * update that also raises the account's credentials version, which ends its console sessions on
 * their next request ({@link CoachSessions}), and revokes its API tokens (issued under the old
 * credentials; a token of a coach made supervisor would otherwise gain the new powers unasked).
 */
@Service
class CoachAccounts {

	private static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,39}";

	private static final String ROLES = "is COACH (own caseload) or SUPERVISOR (every caseload and the coach accounts)";

	private final Coaches coaches;
	private final PasswordEncoder encoder;
	private final PhoneNumbers phones;
	private final ApiTokenService tokens;
	private final PasswordPolicy passwords;
	private final MongoTemplate mongo;
	private final Clock clock;

	CoachAccounts(Coaches coaches, PasswordEncoder encoder, PhoneNumbers phones, ApiTokenService tokens,
			PasswordPolicy passwords, MongoTemplate mongo, Clock clock) {
		this.coaches = coaches;
		this.encoder = encoder;
		this.phones = phones;
		this.tokens = tokens;
		this.passwords = passwords;
		this.mongo = mongo;
		this.clock = clock;
	}

	CoachView create(NewCoach request) {
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		String username = request.username() == null ? "" : request.username().trim().toLowerCase(Locale.ROOT);
		if (!username.matches(USERNAME)) {
			problems.add(new InvalidInput.FieldProblem("username",
					"2 to 40 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, e.g. \"sam.rivera\""));
		}
		else if (coaches.existsById(username)) {
			problems.add(new InvalidInput.FieldProblem("username", "is taken: choose another"));
		}
		passwords.problem("password", request.password(), username).ifPresent(problems::add);
		Role role = Role.COACH;
		if (request.role() != null) {
			try {
				role = Role.valueOf(request.role().trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new InvalidInput.FieldProblem("role", ROLES));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String phone = request.phone() == null || request.phone().isBlank() ? null : phones.toE164("phone", request.phone());
		Coach coach = coaches.save(new Coach(username, encoder.encode(request.password()), phone, role.name(),
				clock.instant(), null));
		return CoachView.of(coach);
	}

	List<CoachView> all() {
		return StreamSupport.stream(coaches.findAll().spliterator(), false)
			.map(CoachView::of)
			.sorted(java.util.Comparator.comparing(CoachView::username))
			.toList();
	}

	/** Disables the account and revokes its API tokens; a supervisor cannot lock themselves out. */
	CoachView disable(String username, String by) {
		Coach coach = coaches.findById(username).orElseThrow(() -> new CoachNotFound(username));
		if (coach.username().equals(by)) {
			throw InvalidInput.of("username", "is your own account: ask another supervisor to disable it");
		}
		Coach disabled = coach.enabled() ? changeCredentials(username, new Update().set("disabledAt", clock.instant()))
				: coach;
		tokens.revokeAllOf(username);
		return CoachView.of(disabled);
	}

	/** Gives the account another role; a supervisor cannot change their own (nor leave none behind). */
	CoachView changeRole(String username, String newRole, String by) {
		Coach coach = coaches.findById(username).orElseThrow(() -> new CoachNotFound(username));
		if (coach.username().equals(by)) {
			throw InvalidInput.of("role", "is your own account's: ask another supervisor to change it");
		}
		Role role = role(newRole);
		Coach changed = coach.role().equals(role.name()) ? coach
				: changeCredentials(username, new Update().set("role", role.name()));
		if (changed != coach) {
			tokens.revokeAllOf(username);
		}
		return CoachView.of(changed);
	}

	/** Sets a new password, by the same policy as a new account's. */
	CoachView changePassword(String username, String password) {
		coaches.findById(username).orElseThrow(() -> new CoachNotFound(username));
		passwords.require("password", password, username);
		Coach changed = changeCredentials(username, new Update().set("passwordHash", encoder.encode(password)));
		tokens.revokeAllOf(username);
		return CoachView.of(changed);
	}

	private static Role role(String name) {
		try {
			return Role.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInput.of("role", ROLES);
		}
	}

	/** One update, with the credentials version raised in the same write, so no change is lost to another. */
	private Coach changeCredentials(String username, Update change) {
		Coach changed = mongo.findAndModify(Query.query(Criteria.where("_id").is(username)),
				change.inc("credentialsVersion", 1), FindAndModifyOptions.options().returnNew(true), Coach.class);
		if (changed == null) {
			throw new CoachNotFound(username);
		}
		return changed;
	}

	/**
	 * @param password at least {@code reconnect.console.password-min-length} characters (12 by default), not
	 * the username nor a common password ({@link PasswordPolicy})
	 * @param phone the coach's mobile for crisis notices, optional
	 * @param role COACH (the default) or SUPERVISOR
	 */
	record NewCoach(String username, String password, String phone, String role) {
	}

	/** An account as the API shows it: never the password hash. */
	record CoachView(String username, String role, String phone, java.time.Instant createdAt, boolean enabled,
			java.time.Instant disabledAt) {

		static CoachView of(Coach coach) {
			return new CoachView(coach.username(), coach.role(), coach.phone(), coach.createdAt(), coach.enabled(),
					coach.disabledAt());
		}
	}
}
