package org.reconnect.console.pages;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.reconnect.escalation.AttentionItem;
import org.reconnect.escalation.EscalationService;
import org.reconnect.escalation.Responsiveness;
import org.reconnect.escalation.ResponsivenessView;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.flows.FlowSettings;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.scheduling.CheckInSlots;
import org.reconnect.reminders.ReminderService;
import org.reconnect.reminders.ReminderView;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The caseload at a glance, read from the modules' public services: escalation's responsiveness
 * and open alerts, flows' check-in history, scheduling's next check-in and reminders.
 */
@Component
class CaseloadBoard {

	private static final Comparator<CaseloadRow> ATTENTION_FIRST = Comparator.comparingInt(CaseloadRow::attentionRank)
		// the longest silence first within a rank; never heard from counts as longest
		.thenComparing(CaseloadRow::lastHeard, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(CaseloadRow::name, String.CASE_INSENSITIVE_ORDER);

	private final CoachScope scope;
	private final EscalationService escalation;
	private final ConversationRuntime conversations;
	private final CheckInSlots checkIns;
	private final ReminderService reminders;
	private final ConsoleTimes times;
	private final String checkInFlow;
	private final MotivationDips dips;

	CaseloadBoard(CoachScope scope, EscalationService escalation, ConversationRuntime conversations,
			CheckInSlots checkIns, ReminderService reminders, ConsoleTimes times,
			FlowSettings flows, MotivationDips dips) {
		this.dips = dips;
		this.scope = scope;
		this.escalation = escalation;
		this.conversations = conversations;
		this.checkIns = checkIns;
		this.reminders = reminders;
		this.times = times;
		this.checkInFlow = flows.checkInFlow();
	}

	ConsoleTimes times() {
		return times;
	}

	/**
	 * @param state only this state ("" or null for all)
	 * @param search part of a name, any case ("" or null for all)
	 */
	List<CaseloadRow> rows(Authentication coach, Responsiveness state, String search) {
		String needle = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
		return scope.caseload(coach)
			.stream()
			.filter(p -> needle.isEmpty() || p.name().toLowerCase(Locale.ROOT).contains(needle))
			.map(this::row)
			.filter(row -> state == null || row.state() == state)
			.sorted(ATTENTION_FIRST)
			.toList();
	}

	CaseloadRow row(ParticipantProfile participant) {
		ResponsivenessView responsiveness = escalation.responsiveness(participant.id());
		List<AttentionItem> open = escalation.openAttention(participant.id());
		boolean crisis = open.stream().anyMatch(item -> "CRISIS".equals(item.kind()));
		return new CaseloadRow(participant.id().value(), participant.name(), participant.zone(),
				responsiveness.state(), responsiveness.lastSignOfLife(),
				CheckInStreak.of(conversations.history(participant.id()), checkInFlow), nextContact(participant),
				open.size(), crisis, dips.of(participant.id().value(), participant.zone()).orElse(null));
	}

	private Instant nextContact(ParticipantProfile participant) {
		if (!participant.active()) {
			return null;
		}
		return Stream
			.concat(checkIns.nextCheckIn(participant.id()).stream(),
					reminders.list(participant.id()).stream().map(ReminderView::nextReminderAt))
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(null);
	}
}
