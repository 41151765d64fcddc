package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.escalation.Responsiveness;
import org.reconnect.flows.ConversationView;

/** The caseload's order (who needs the coach first) and the check-in streak. */
class CaseloadOrderTests {

	private static final ZoneId NY = ZoneId.of("America/New_York");

	@Test
	void crisisThenOpenAlertsThenQuietThenLateComeFirst() {
		List<CaseloadRow> rows = List.of(row("On time", Responsiveness.ON_TIME, 0, false),
				row("Opted out", Responsiveness.OPTED_OUT, 0, false), row("Late", Responsiveness.LATE, 0, false),
				row("Paused", Responsiveness.PAUSED, 0, false), row("Crisis", Responsiveness.ON_TIME, 1, true),
				row("Alerts", Responsiveness.LATE, 2, false), row("Quiet", Responsiveness.QUIET, 0, false),
				row("New", Responsiveness.NEW, 0, false));
		assertThat(rows.stream().sorted(Comparator.comparingInt(CaseloadRow::attentionRank)).map(CaseloadRow::name))
			.containsExactly("Crisis", "Alerts", "Quiet", "Late", "New", "On time", "Paused", "Opted out");
		assertThat(rows.stream().filter(CaseloadRow::needsAttention).map(CaseloadRow::name))
			.containsExactlyInAnyOrder("Crisis", "Alerts", "Quiet", "Late");
	}

	@Test
	void aStateIsAWordAsWellAsAColour() {
		assertThat(row("x", Responsiveness.OPTED_OUT, 0, false).stateKey()).isEqualTo("words.state.OPTED_OUT");
		assertThat(row("x", Responsiveness.OPTED_OUT, 0, false).stateClass()).isEqualTo("state-opted-out");
		assertThat(row("x", Responsiveness.ON_TIME, 0, false).stateKey()).isEqualTo("words.state.ON_TIME");
	}

	@Test
	void theStreakCountsAnsweredCheckInsBackToTheLastMissedOne() {
		List<ConversationView> newestFirst = List.of(conversation("daily-checkin", "ACTIVE"),
				conversation("daily-checkin", "ENDED"), conversation("weekly-reflection", "EXPIRED"),
				conversation("daily-checkin", "UNDELIVERED"), conversation("daily-checkin", "ENDED"),
				conversation("daily-checkin", "EXPIRED"), conversation("daily-checkin", "ENDED"));
		assertThat(CheckInStreak.of(newestFirst, "daily-checkin")).isEqualTo(2);
		assertThat(CheckInStreak.of(List.of(), "daily-checkin")).isZero();
	}

	private static CaseloadRow row(String name, Responsiveness state, int alerts, boolean crisis) {
		return new CaseloadRow(name, name, NY, state, null, 0, null, alerts, crisis);
	}

	private static ConversationView conversation(String flow, String status) {
		return new ConversationView("c", flow, "r1", "s", status, Map.of(), 0, Instant.EPOCH, null, null, List.of());
	}
}
