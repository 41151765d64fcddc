package org.reconnect.coaches;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.stream.StreamSupport;

import org.reconnect.participants.LocalQuietHours;
import org.reconnect.participants.QuietHours;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.reconnect.system.AtMostBytes;
import org.reconnect.system.CleanText;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.PhoneNumbers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.jdk.StringDeserializer;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * A supervisor's work on coach accounts: create, list, disable, change the role or the password.
 * Disabling and changing the role or the password are credential changes: each is one atomic
 * update that also raises the account's credentials version, which ends its console sessions on
 * their next request (the console's sessions), and announces {@link CoachCredentialsChanged}, on
 * which the console revokes its API tokens (issued under the old credentials; a token of a coach
 * made supervisor would otherwise gain the new powers unasked).
 */
@Service
public class CoachAccounts {

	private static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,39}";

	private static final String ROLES = "problem.coach.role";

	/** The longest name participants read for a coach, in characters. */
	public static final int LONGEST_DISPLAY_NAME = DisplayNames.LONGEST;

	private final Coaches coaches;
	private final PasswordEncoder encoder;
	private final PhoneNumbers phones;
	private final ApplicationEventPublisher events;
	private final PasswordPolicy passwords;
	private final MongoTemplate mongo;
	private final Clock clock;

	CoachAccounts(Coaches coaches, PasswordEncoder encoder, PhoneNumbers phones, ApplicationEventPublisher events,
			PasswordPolicy passwords, MongoTemplate mongo, Clock clock) {
		this.coaches = coaches;
		this.encoder = encoder;
		this.phones = phones;
		this.events = events;
		this.passwords = passwords;
		this.mongo = mongo;
		this.clock = clock;
	}

	public CoachView create(NewCoach request) {
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		String username = request.username() == null ? "" : request.username().trim().toLowerCase(Locale.ROOT);
		if (!username.matches(USERNAME)) {
			problems.add(InvalidInput.FieldProblem.of("username", "problem.coach.username"));
		}
		passwords.problem("password", request.password(), username).ifPresent(problems::add);
		Role role = Role.COACH;
		if (request.role() != null) {
			try {
				role = Role.valueOf(request.role().trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(InvalidInput.FieldProblem.of("role", ROLES));
			}
		}
		Contact contact = contact(new CoachContact(request.phone(), request.email(), request.timeZone(),
				request.quietHours()), problems);
		String displayName = field(problems, () -> DisplayNames.read(request.displayName()));
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Coach coach;
		try {
			// an insert, never a save: the username is the key, so of two requests at once one wins
			coach = coaches.insert(new Coach(username, encoder.encode(request.password()), null, role.name(),
					clock.instant(), null).withContact(contact.phone(), contact.email(), contact.zone(), contact.quietHours())
				.withDisplayName(displayName));
		}
		catch (DuplicateKeyException ex) {
			throw new CoachAlreadyExists();
		}
		return CoachView.of(coach);
	}

	/**
	 * Replaces how the coach is reached with notices and alerts, and when not: phone, e-mail, time
	 * zone and quiet hours, each cleared when left out.
	 *
	 * @throws InvalidInput naming each field that cannot be used; nothing is changed then
	 */
	public CoachView changeContact(String username, CoachContact request) {
		coaches.findById(username).orElseThrow(() -> new CoachNotFound(username));
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		Contact contact = contact(request, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		// one update of these fields alone: a save of the account read above could undo a credentials
		// change (disabling, a new password) made meanwhile
		Update change = new Update().set("phone", contact.phone())
			.set("email", contact.email())
			.set("zone", contact.zone() == null ? null : contact.zone().getId())
			.set("quietStart", contact.quietHours() == null ? null : contact.quietHours().start().toString())
			.set("quietEnd", contact.quietHours() == null ? null : contact.quietHours().end().toString());
		Coach changed = mongo.findAndModify(Query.query(Criteria.where("_id").is(username)), change,
				FindAndModifyOptions.options().returnNew(true), Coach.class);
		if (changed == null) {
			throw new CoachNotFound(username);
		}
		return CoachView.of(changed);
	}

	/**
	 * Sets the name participants and allies read for the coach ("Dana R."); null clears it, and
	 * they read the username again.
	 *
	 * @throws InvalidInput naming {@code displayName} when it is blank, too long or not plain text
	 */
	public CoachView changeDisplayName(String username, String displayName) {
		String name = DisplayNames.read(displayName);
		// this field alone, as with the contact: a save could undo a credentials change made meanwhile
		Coach changed = mongo.findAndModify(Query.query(Criteria.where("_id").is(username)),
				new Update().set("displayName", name), FindAndModifyOptions.options().returnNew(true), Coach.class);
		if (changed == null) {
			throw new CoachNotFound(username);
		}
		return CoachView.of(changed);
	}

	private Contact contact(CoachContact request, List<InvalidInput.FieldProblem> problems) {
		String phone = field(problems, () -> request.phone() == null || request.phone().isBlank() ? null
				: phones.toE164("phone", request.phone()));
		String email = field(problems, () -> EmailAddresses.read("email", request.email()));
		ZoneId zone = null;
		if (request.timeZone() != null && !request.timeZone().isBlank()) {
			try {
				zone = ZoneId.of(request.timeZone().trim());
			}
			catch (DateTimeException ex) {
				problems.add(InvalidInput.FieldProblem.of("timeZone", "problem.coach.time-zone"));
			}
		}
		QuietHours quietHours = field(problems, () -> LocalQuietHours.read("quietHours", request.quietHours()));
		return new Contact(phone, email, zone, quietHours);
	}

	/** Runs one field's check, collecting its problems with the others'. */
	private static <T> T field(List<InvalidInput.FieldProblem> problems, java.util.function.Supplier<T> read) {
		try {
			return read.get();
		}
		catch (InvalidInput ex) {
			problems.addAll(ex.problems());
			return null;
		}
	}

	private record Contact(String phone, String email, ZoneId zone, QuietHours quietHours) {
	}

	/** The account, as kept: for signing in and for the console's checks of who is who. */
	public Optional<Coach> find(String username) {
		return coaches.findById(username);
	}

	/** The accounts with this mobile. */
	public List<Coach> findByPhone(String phone) {
		return coaches.findByPhone(phone);
	}

	public List<CoachView> all() {
		return StreamSupport.stream(coaches.findAll().spliterator(), false)
			.map(CoachView::of)
			.sorted(java.util.Comparator.comparing(CoachView::username))
			.toList();
	}

	/** Disables the account and revokes its API tokens; a supervisor cannot lock themselves out. */
	public CoachView disable(String username, String by) {
		Coach coach = coaches.findById(username).orElseThrow(() -> new CoachNotFound(username));
		if (coach.username().equals(by)) {
			throw InvalidInput.of("username", "problem.coach.own-account");
		}
		Coach disabled = coach.enabled() ? changeCredentials(username, new Update().set("disabledAt", clock.instant()))
				: coach;
		events.publishEvent(new CoachCredentialsChanged(username));
		return CoachView.of(disabled);
	}

	/** Gives the account another role; a supervisor cannot change their own (nor leave none behind). */
	public CoachView changeRole(String username, String newRole, String by) {
		Coach coach = coaches.findById(username).orElseThrow(() -> new CoachNotFound(username));
		if (coach.username().equals(by)) {
			throw InvalidInput.of("role", "problem.coach.own-role");
		}
		Role role = role(newRole);
		Coach changed = coach.role().equals(role.name()) ? coach
				: changeCredentials(username, new Update().set("role", role.name()));
		if (changed != coach) {
			events.publishEvent(new CoachCredentialsChanged(username));
		}
		return CoachView.of(changed);
	}

	/** Sets a new password, by the same policy as a new account's. */
	public CoachView changePassword(String username, String password) {
		coaches.findById(username).orElseThrow(() -> new CoachNotFound(username));
		passwords.require("password", password, username);
		Coach changed = changeCredentials(username, new Update().set("passwordHash", encoder.encode(password)));
		events.publishEvent(new CoachCredentialsChanged(username));
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
	 * the username nor a common password ({@link PasswordPolicy}), and at most 72 bytes (bcrypt's limit); kept
	 * exactly as sent (no NFC), as the sign-in form sends it
	 * @param phone the coach's mobile for crisis notices and alerts by SMS, optional
	 * @param role COACH (the default) or SUPERVISOR
	 * @param email an address for crisis notices and alerts by e-mail (when mail is set up), optional
	 * @param timeZone the coach's IANA zone for quiet hours; the participant's zone when absent
	 * @param quietHours the coach's own; the organisation's when absent
	 * @param displayName the name participants and allies read for the coach, e.g. "Dana R." (1 to 40
	 * characters); their username when absent
	 */
	public record NewCoach(@Size(max = 40) @CleanText String username,
			@AtMostBytes(72) @JsonDeserialize(using = StringDeserializer.class) String password,
			@Size(max = 64) @CleanText String phone, @Size(max = 64) @CleanText String role,
			@Size(max = 254) @CleanText String email, @JsonAlias("zone") @Size(max = 64) @CleanText String timeZone,
			@Valid LocalQuietHours quietHours, @Size(max = DisplayNames.LONGEST) @CleanText String displayName) {

		public NewCoach(String username, String password, String phone, String role) {
			this(username, password, phone, role, null, null, null, null);
		}
	}

	/**
	 * How a coach is reached, and when not; each field left out is cleared.
	 *
	 * @param phone a mobile for notices by SMS
	 * @param email an address for notices by e-mail
	 * @param timeZone an IANA zone; absent: the zone of the participant an alert is about
	 * @param quietHours 24-hour HH:mm start and end; absent: the organisation's
	 */
	public record CoachContact(@Size(max = 64) @CleanText String phone, @Size(max = 254) @CleanText String email,
			@JsonAlias("zone") @Size(max = 64) @CleanText String timeZone, @Valid LocalQuietHours quietHours) {
	}

	/**
	 * An account as the API shows it: never the password hash.
	 *
	 * @param quietHours the coach's own, null for the organisation's
	 * @param displayName the name participants read for them; null: they read the username
	 */
	public record CoachView(String username, String role, String phone, java.time.Instant createdAt, boolean enabled,
			java.time.Instant disabledAt, String email, String timeZone, QuietHours quietHours, String displayName) {

		static CoachView of(Coach coach) {
			return new CoachView(coach.username(), coach.role(), coach.phone(), coach.createdAt(), coach.enabled(),
					coach.disabledAt(), coach.email(), coach.zone(), coach.quietHours(), coach.displayName());
		}
	}
}
