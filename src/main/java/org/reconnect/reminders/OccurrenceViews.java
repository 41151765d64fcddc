package org.reconnect.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.QuietHours;
import org.reconnect.reminders.Reminder.Outcome;
import org.reconnect.reminders.ReminderPlan.Occurrence;
import org.reconnect.reminders.ReminderPlan.Send;
import org.springframework.stereotype.Component;

/**
 * The next occurrences of a reminder as a coach previews them: each in the meeting's local time,
 * with its texts that fall in the participant's quiet hours and what the reminder's choice will
 * make of them ({@link ReminderDecision#inQuietHours}, the rule the engine applies when they fall due).
 */
@Component
class OccurrenceViews {

	private final RuleWords words;
	private final Clock clock;

	OccurrenceViews(RuleWords words, Clock clock) {
		this.words = words;
		this.clock = clock;
	}

	/** The next {@code count} occurrences from now; without a participant, no quiet hours are shown. */
	List<OccurrenceView> next(Reminder reminder, ParticipantProfile participant, int count, Locale locale) {
		Instant now = clock.instant();
		return ReminderPlan.occurrences(reminder, now, count)
			.stream()
			.map(occurrence -> new OccurrenceView(occurrence.key(),
					occurrence.start().toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString(), reminder.zone,
					occurrence.start().toInstant(), words.occurrence(occurrence.start().toLocalDateTime(), locale),
					participant == null ? List.of() : quiet(reminder, occurrence, participant, now, locale)))
			.toList();
	}

	private List<OccurrenceView.QuietSend> quiet(Reminder reminder, Occurrence occurrence, ParticipantProfile participant,
			Instant now, Locale locale) {
		QuietHours quietHours = participant.quietHours();
		ZoneId zone = participant.zone();
		Instant meetingAt = occurrence.start().toInstant();
		List<Lead> leads = reminder.leadList();
		List<OccurrenceView.QuietSend> found = new ArrayList<>();
		for (int i = 0; i < leads.size(); i++) {
			Instant at = leads.get(i).sendAt(occurrence.start());
			if (!at.isAfter(now) || !at.isBefore(meetingAt) || !quietHours.contains(at, zone)) {
				continue;
			}
			Instant end = quietHours.endAfter(at, zone);
			Send next = ReminderPlan.nextSend(reminder, new Send(occurrence, i, at));
			Outcome outcome = ReminderDecision.inQuietHours(reminder.quietHoursChoice(), end, meetingAt,
					next == null ? null : next.plannedAt(), false);
			Instant goesAt = switch (outcome) {
				case SENT_IN_QUIET_HOURS -> at;
				case DEFERRED_QUIET_HOURS -> end;
				default -> null;
			};
			String why = switch (outcome) {
				case SENT_IN_QUIET_HOURS -> "anyway";
				case DEFERRED_QUIET_HOURS -> "waits";
				default -> reminder.quietHoursChoice() == InQuietHours.SKIP ? "skipped"
						: end.isBefore(meetingAt) ? "superseded" : "too-late";
			};
			found.add(new OccurrenceView.QuietSend(leads.get(i), at, outcome.name(), goesAt,
					words.quietSend(why, at, end, zone, locale)));
		}
		found.sort(Comparator.comparing(OccurrenceView.QuietSend::plannedAt));
		return found;
	}
}
