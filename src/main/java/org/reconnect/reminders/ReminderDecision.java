package org.reconnect.reminders;

import java.time.Instant;
import java.util.List;

import org.reconnect.participants.ParticipantProfile;
import org.reconnect.reminders.Reminder.Outcome;
import org.reconnect.reminders.ReminderPlan.Send;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What becomes of one due send of a reminder, and the claim that records it, planned by the rule
 * for late and quiet sends (decided at the moment of sending and recorded either way): a send
 * whose meeting has started is skipped; of several sends of one reminder that are all due (after
 * downtime) only the last is sent; a send due inside the participant's quiet hours does what the
 * reminder says ({@link InQuietHours}): by default it goes when they end if that is still before
 * the meeting, else it is skipped.
 *
 * @param claim the update that moves the reminder on to {@code nextSendAt}, its next send
 */
record ReminderDecision(Reminder reminder, Send current, ParticipantProfile participant, Outcome outcome, Update claim,
		Instant nextSendAt) {

	/** How many delivery records a reminder keeps. */
	private static final int KEPT_RECORDS = 20;

	boolean sending() {
		return outcome == Outcome.SENT || outcome == Outcome.SENT_LATE || outcome == Outcome.SENT_AFTER_QUIET_HOURS
				|| outcome == Outcome.SENT_IN_QUIET_HOURS;
	}

	/**
	 * What becomes of a send due inside quiet hours, by the reminder's choice: sent anyway, skipped,
	 * or (waiting) deferred to their end when that is before the meeting and before the reminder's
	 * next send, and not deferred once already; else skipped. The preview of next dates says the same.
	 *
	 * @param end when the quiet hours end
	 * @param nextPlannedAt the reminder's following send, or null when there is none
	 */
	static Outcome inQuietHours(InQuietHours choice, Instant end, Instant meetingAt, Instant nextPlannedAt,
			boolean deferred) {
		return switch (choice) {
			case SEND_ANYWAY -> Outcome.SENT_IN_QUIET_HOURS;
			case SKIP -> Outcome.SKIPPED_QUIET_HOURS;
			case WAIT -> !deferred && end.isBefore(meetingAt) && (nextPlannedAt == null || end.isBefore(nextPlannedAt))
					? Outcome.DEFERRED_QUIET_HOURS : Outcome.SKIPPED_QUIET_HOURS;
		};
	}

	/** A send that is to go now, with no claim of its own (a pending one, taken over). */
	static ReminderDecision sendNow(Reminder reminder, Send send, ParticipantProfile participant, Outcome outcome) {
		return new ReminderDecision(reminder, send, participant, outcome, null, null);
	}

	/** Decides a due send by the rules above; null when it is not due (any more). */
	static ReminderDecision decide(Reminder reminder, Instant now, ParticipantProfile participant) {
		// A cursor may hand back a document as it is after the query matched it: another thread
		// may have claimed it since. Only a reminder still due now is handled.
		if (reminder.nextSendAt == null || reminder.nextSendAt.isAfter(now) || reminder.nextMeetingAt == null
				|| reminder.pending != null) {
			return null;
		}
		Send current = ReminderPlan.current(reminder);
		Send next = ReminderPlan.nextSend(reminder, current);
		Outcome outcome;
		Instant deferTo = null;
		if (!now.isBefore(current.occurrence().start().toInstant())) {
			outcome = Outcome.SKIPPED_TOO_LATE;
		}
		else if (next != null && !next.plannedAt().isAfter(now)) {
			outcome = Outcome.SKIPPED_SUPERSEDED;
		}
		else if (participant == null || !participant.active()) {
			outcome = Outcome.NOT_SENT_INACTIVE;
		}
		else if (participant.quietHours().contains(now, participant.zone())) {
			Instant end = participant.quietHours().endAfter(now, participant.zone());
			outcome = inQuietHours(reminder.quietHoursChoice(), end, current.occurrence().start().toInstant(),
					next == null ? null : next.plannedAt(), reminder.nextDeferred);
			deferTo = outcome == Outcome.DEFERRED_QUIET_HOURS ? end : null;
		}
		else {
			outcome = reminder.nextDeferred ? Outcome.SENT_AFTER_QUIET_HOURS
					: now.isAfter(current.plannedAt().plusSeconds(120)) ? Outcome.SENT_LATE : Outcome.SENT;
		}
		Update claim = new Update().inc("version", 1);
		Instant nextSendAt;
		if (deferTo != null) {
			claim.set("nextSendAt", deferTo).set("nextDeferred", true);
			nextSendAt = deferTo;
		}
		else if (next == null) {
			claim.unset("nextSendAt").unset("nextPlannedAt").unset("nextMeetingAt").unset("nextOccurrence")
				.set("nextLead", 0).set("nextDeferred", false);
			nextSendAt = null;
		}
		else {
			claim.set("nextSendAt", next.plannedAt()).set("nextPlannedAt", next.plannedAt())
				.set("nextMeetingAt", next.occurrence().start().toInstant())
				.set("nextOccurrence", next.occurrence().key()).set("nextLead", next.lead()).set("nextDeferred", false);
			nextSendAt = next.plannedAt();
		}
		ReminderDecision decision = new ReminderDecision(reminder, current, participant, outcome, claim, nextSendAt);
		if (!decision.sending()) {
			claim.push("deliveries").slice(-KEPT_RECORDS).each(delivery(reminder, current, now, outcome));
		}
		return decision;
	}

	/** The pending mark of a send that is to go, recorded by its claim until its message is in the outbox. */
	Reminder.Pending pending(String token, Instant now) {
		return new Reminder.Pending(current.occurrence().key(), current.occurrence().start().toInstant(), current.lead(),
				current.plannedAt(), outcome, token, now);
	}

	/** Records {@code outcome} of {@code send} in the reminder's recent deliveries. */
	static Update recording(Reminder reminder, Send send, Instant now, Outcome outcome) {
		return new Update().push("deliveries").slice(-KEPT_RECORDS).each(delivery(reminder, send, now, outcome));
	}

	/** The send's lead as kept (PT1H, P1D@18:00): words come where it is read, in the reader's language. */
	static String describeLead(Reminder reminder, Send send) {
		List<Lead> leads = reminder.leadList();
		return send.lead() < leads.size() ? leads.get(send.lead()).code() : "lead " + send.lead();
	}

	private static Reminder.Delivery delivery(Reminder reminder, Send send, Instant now, Outcome outcome) {
		return new Reminder.Delivery(send.occurrence().key(), send.occurrence().start().toInstant(),
				describeLead(reminder, send), send.plannedAt(), now, outcome);
	}
}
