package org.reconnect.flows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.reconnect.flows.FlowDefinition.Texts;
import org.reconnect.messaging.MessagingSettings;
import org.reconnect.participants.CoachNames;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a flow's text for whoever it goes to: their language, their names (the coach's as
 * participants read it, {@link CoachNames}), and the placeholders a participant's texts may use
 * ({@code {streak}}, {@code {progress}}, {@code {next_meeting}}).
 */
@Component
class ConversationTexts {

	private final ObjectProvider<PlaceholderSource> placeholders;
	private final Conversations conversations;
	private final FlowSettings settings;
	private final Clock clock;
	private final String programName;
	private final MessageSource texts;
	private final CoachNames coaches;

	ConversationTexts(ObjectProvider<PlaceholderSource> placeholders, Conversations conversations, FlowSettings settings,
			Clock clock, MessagingSettings messaging, MessageSource texts, CoachNames coaches) {
		this.texts = texts;
		this.coaches = coaches;
		this.placeholders = placeholders;
		this.conversations = conversations;
		this.settings = settings;
		this.clock = clock;
		this.programName = messaging.programName();
	}

	String render(Texts text, Addressee addressee, FlowDefinition flow) {
		String template = text.byLanguage().isEmpty()
				? texts.getMessage("conversation.not-understood", null,
						addressee.language() == null ? Locale.ROOT : Locale.forLanguageTag(addressee.language()))
				: text.in(addressee.language(), flow.defaultLanguage());
		ParticipantProfile participant = addressee.participant();
		String named = template.replace("{first_name}", addressee.firstName())
			.replace("{participant_name}", participant.firstName())
			.replace("{program_name}", programName);
		if (addressee.ally() != null) {
			return named; // the validator lets an ally's texts hold names only
		}
		return named
			.replace("{coach_name}",
					template.contains("{coach_name}") ? coaches.nameParticipantsRead(participant.coach()) : "")
			.replace("{streak}", template.contains("{streak}")
					? Integer.toString(streak(participant, answeredCheckIns(participant))) : "")
			.replace("{progress}", template.contains("{progress}") ? progress(participant) : "")
			.replace("{next_meeting}", template.contains("{next_meeting}") ? nextMeeting(participant) : "");
	}

	private String nextMeeting(ParticipantProfile participant) {
		return placeholders.orderedStream()
			.filter(source -> source.placeholder().equals("next_meeting"))
			.map(source -> source.value(participant))
			.flatMap(Optional::stream)
			.findFirst()
			.orElseGet(() -> texts.getMessage("conversation.no-next-meeting", null, locale(participant)));
	}

	/**
	 * A sentence that recognises progress: the progress module's concrete week when it has one, else
	 * a streak, this week's check-ins, or being here.
	 */
	private String progress(ParticipantProfile participant) {
		Optional<String> known = placeholders.orderedStream()
			.filter(source -> source.placeholder().equals("progress"))
			.map(source -> source.value(participant))
			.flatMap(Optional::stream)
			.findFirst();
		if (known.isPresent()) {
			return known.get();
		}
		Locale locale = locale(participant);
		List<Conversation> answered = answeredCheckIns(participant);
		int streak = streak(participant, answered);
		if (streak >= 2) {
			return texts.getMessage("conversation.progress.streak", new Object[] { streak }, locale);
		}
		Instant weekAgo = clock.instant().minus(java.time.Duration.ofDays(7));
		long thisWeek = answered.stream().filter(c -> c.startedAt.isAfter(weekAgo)).count();
		if (thisWeek > 0) {
			return texts.getMessage("conversation.progress.week", new Object[] { thisWeek }, locale);
		}
		return texts.getMessage("conversation.progress.here", null, locale);
	}

	private static Locale locale(ParticipantProfile participant) {
		return participant.locale().orElse(Locale.ROOT);
	}

	/** The participant's check-ins that got a reply, newest first. */
	private List<Conversation> answeredCheckIns(ParticipantProfile participant) {
		return conversations.history(participant.id().value())
			.stream()
			.filter(c -> c.flow.equals(settings.checkInFlow()) && c.replies > 0)
			.toList();
	}

	/** Days in a row, up to today, on which the participant answered their check-in. */
	private int streak(ParticipantProfile participant, List<Conversation> answeredCheckIns) {
		Set<LocalDate> answered = new TreeSet<>();
		for (Conversation c : answeredCheckIns) {
			answered.add(c.startedAt.atZone(participant.zone()).toLocalDate());
		}
		LocalDate day = clock.instant().atZone(participant.zone()).toLocalDate();
		if (!answered.contains(day)) {
			day = day.minusDays(1);
		}
		int streak = 0;
		while (answered.contains(day)) {
			streak++;
			day = day.minusDays(1);
		}
		return streak;
	}
}
