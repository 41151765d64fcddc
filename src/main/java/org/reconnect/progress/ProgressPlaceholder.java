package org.reconnect.progress;

import java.time.LocalDate;
import java.util.Optional;

import org.reconnect.flows.PlaceholderSource;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.stereotype.Component;

/**
 * {@code {progress}}: the concrete week, "You checked in on 6 of the last 7 days, and reached out to
 * someone on 4 of them." Empty when they checked in on none of them: the flows' own sentence for
 * that ("Every check-in counts, and you're here.") is kind, and never counts what did not happen.
 */
@Component
class ProgressPlaceholder implements PlaceholderSource {

	private final ProgressDays days;
	private final ProgressTexts texts;
	private final ProgressSettings settings;
	private final java.time.Clock clock;

	ProgressPlaceholder(ProgressDays days, ProgressTexts texts, ProgressSettings settings, java.time.Clock clock) {
		this.days = days;
		this.texts = texts;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public String placeholder() {
		return "progress";
	}

	@Override
	public Optional<String> value(ParticipantProfile participant) {
		LocalDate today = clock.instant().atZone(participant.zone()).toLocalDate();
		LocalDate first = today.minusDays(settings.progressDays() - 1L);
		int answered = 0;
		int reachedOut = 0;
		for (ProgressDay day : days.findByParticipantId(participant.id().value())) {
			LocalDate date = LocalDate.parse(day.day());
			if (!date.isBefore(first) && !date.isAfter(today)) {
				answered += day.didAnswer() ? 1 : 0;
				reachedOut += day.didReachOut() ? 1 : 0;
			}
		}
		return answered == 0 ? Optional.empty()
				: Optional.of(texts.week(participant, answered, settings.progressDays(), reachedOut));
	}
}
