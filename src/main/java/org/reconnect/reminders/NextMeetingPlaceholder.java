package org.reconnect.reminders;

import java.util.Optional;

import org.reconnect.flows.PlaceholderSource;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.stereotype.Component;

/** {@code {next_meeting}} in a flow: the participant's next meeting, e.g. "Group meeting, Tue, Mar 12, 7:00 PM". */
@Component
class NextMeetingPlaceholder implements PlaceholderSource {

	private final ReminderService reminders;
	private final ReminderTexts texts;

	NextMeetingPlaceholder(ReminderService reminders, ReminderTexts texts) {
		this.texts = texts;
		this.reminders = reminders;
	}

	@Override
	public String placeholder() {
		return "next_meeting";
	}

	@Override
	public Optional<String> value(ParticipantProfile participant) {
		return reminders.upcoming(participant.id(), 1)
			.stream()
			.findFirst()
			.map(next -> texts.brief(participant.language(), next));
	}
}
