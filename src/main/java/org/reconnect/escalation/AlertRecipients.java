package org.reconnect.escalation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentService;
import org.reconnect.messaging.RecipientRules;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.QuietHours;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who an alert of the ladder goes to, and the first moment it may reach them: each recipient's
 * own quiet hours in their own zone, never another's. The participant's are exactly what
 * messaging applies when the nudge goes (so the two holds never add up to a longer night); an
 * ally's and a staff member's their own, else the organisation's ({@code reconnect.escalation.quiet-hours-*}).
 */
@Component
class AlertRecipients {

	private static final String ALLY = "ally:";
	private static final String COACH = "coach:";

	private final ConsentService consent;
	private final RecipientRules messaging;
	private final ObjectProvider<StaffDirectory> staff;
	private final EscalationSettings settings;

	AlertRecipients(ConsentService consent, RecipientRules messaging, ObjectProvider<StaffDirectory> staff,
			EscalationSettings settings) {
		this.consent = consent;
		this.messaging = messaging;
		this.staff = staff;
		this.settings = settings;
	}

	/** The ladder's coach step: the participant's coach, or the supervisors when the coach cannot be reached. */
	List<String> coachStep(ParticipantProfile participant) {
		StaffDirectory directory = staff.getIfAvailable();
		List<String> usernames = directory == null ? List.of(participant.coach())
				: directory.coachStepRecipients(participant.coach());
		return (usernames.isEmpty() ? List.of(participant.coach()) : usernames).stream().map(name -> COACH + name).toList();
	}

	/** The first instant at or after {@code at} outside the recipient's own quiet hours. */
	Instant nextAllowed(String recipient, ParticipantProfile participant, Instant at) {
		if (recipient.startsWith(ALLY)) {
			AllyView ally = consent.ally(recipient.substring(ALLY.length())).orElse(null);
			ZoneId zone = ally == null || ally.zone() == null ? participant.zone() : ally.zone();
			return hours(ally == null ? null : ally.quietHours()).nextAllowed(at, zone);
		}
		if (recipient.startsWith(COACH)) {
			StaffDirectory directory = staff.getIfAvailable();
			StaffDirectory.Hours hours = directory == null ? null : directory.hoursOf(recipient.substring(COACH.length()));
			ZoneId zone = hours == null || hours.zone() == null ? participant.zone() : hours.zone();
			return hours(hours == null ? null : hours.quietHours()).nextAllowed(at, zone);
		}
		return messaging.heldUntil(participant.phone(), at);
	}

	private QuietHours hours(QuietHours own) {
		return own != null ? own : organisation();
	}

	/** The organisation's quiet hours, for an ally or a staff member with none of their own. */
	QuietHours organisation() {
		return new QuietHours(settings.quietHoursStart(), settings.quietHoursEnd());
	}
}
