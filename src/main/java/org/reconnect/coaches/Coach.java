package org.reconnect.coaches;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.reconnect.participants.QuietHours;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A peer coach's account; the password is stored only as a hash. A disabled account can no
 * longer sign in (by password, passkey or API token); its participants stay where they are.
 *
 * @param role {@link Role#COACH} or {@link Role#SUPERVISOR}, by name
 * @param disabledAt when a supervisor disabled the account; null while it may sign in
 * @param phone a mobile for notices by SMS; null when none
 * @param email an address for notices by e-mail (only when mail is set up); null when none
 * @param zone their IANA time zone for quiet hours; null: the participant's the alert is about
 * @param quietStart their own quiet hours, local HH:mm; null: the organisation's
 * @param credentialsVersion goes up whenever the account is disabled or its role or password
 * changes: a console session signed in under an older one is ended on its next request, on any node
 * ({@link CoachSessions})
 * @param displayName the name participants and allies read for them ("Dana R."); null: their username
 */
@Document("coaches")
public record Coach(@Id String username, String passwordHash, String phone, String role, Instant createdAt,
		Instant disabledAt, String email, String zone, String quietStart, String quietEnd, Integer credentialsVersion,
		String displayName) {

	/**
	 * An account stored before credentials had versions is at version 0; one stored before display
	 * names has none.
	 */
	@PersistenceCreator
	public Coach {
		credentialsVersion = credentialsVersion == null ? 0 : credentialsVersion;
	}

	/** A new account. */
	Coach(String username, String passwordHash, String phone, String role, Instant createdAt, Instant disabledAt) {
		this(username, passwordHash, phone, role, createdAt, disabledAt, null, null, null, null, 0, null);
	}

	/** The name participants and allies read: the one the coach gave, else the username. */
	public String nameParticipantsRead() {
		return displayName == null ? username : displayName;
	}

	public boolean enabled() {
		return disabledAt == null;
	}

	public boolean supervisor() {
		return Role.SUPERVISOR.name().equals(role);
	}

	/** New ways to reach them, and when not to: each replaced, null clears it. */
	Coach withContact(String phone, String email, ZoneId zone, QuietHours quietHours) {
		return new Coach(username, passwordHash, phone, role, createdAt, disabledAt, email,
				zone == null ? null : zone.getId(), quietHours == null ? null : quietHours.start().toString(),
				quietHours == null ? null : quietHours.end().toString(), credentialsVersion, displayName);
	}

	/** The name participants read; null: their username. */
	Coach withDisplayName(String displayName) {
		return new Coach(username, passwordHash, phone, role, createdAt, disabledAt, email, zone, quietStart, quietEnd,
				credentialsVersion, displayName);
	}

	ZoneId zoneId() {
		return zone == null ? null : ZoneId.of(zone);
	}

	QuietHours quietHours() {
		return quietStart == null || quietEnd == null ? null
				: new QuietHours(LocalTime.parse(quietStart), LocalTime.parse(quietEnd));
	}
}
