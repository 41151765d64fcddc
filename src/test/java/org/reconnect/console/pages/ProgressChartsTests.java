package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.console.pages.ProgressCharts.Day;
import org.reconnect.console.pages.ProgressCharts.Outcome;
import org.reconnect.console.pages.ProgressCharts.Progress;
import org.reconnect.flows.ConversationView;
import org.reconnect.flows.FlowSettings;

/**
 * The chart of how someone is doing reads each day's check-in by the participant's own date: an
 * answer (with its mood), a miss, or a question that never reached them, which is never a miss.
 */
class ProgressChartsTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	/** Sunday 10 March 2030, 12:00 in New York. */
	static final Clock NOW = Clock.fixed(Instant.parse("2030-03-10T16:00:00Z"), ZoneOffset.UTC);

	final ProgressCharts charts = new ProgressCharts(null, NOW, new FlowSettings(Path.of("flows"), "daily-checkin"));

	static ConversationView checkIn(String startedAt, String status, Map<String, String> answers) {
		return new ConversationView(startedAt, "daily-checkin", "1", "end", status, answers, answers.size(),
				Instant.parse(startedAt), null, null, List.of());
	}

	@Test
	void eachDayShowsItsCheckInByTheParticipantsDateAndTheMoodLine() {
		List<ConversationView> newestFirst = List.of(
				checkIn("2030-03-10T13:00:00Z", "ACTIVE", Map.of()),
				checkIn("2030-03-09T13:00:00Z", "UNDELIVERED", Map.of()),
				checkIn("2030-03-08T13:00:00Z", "EXPIRED", Map.of()),
				// 01:00 UTC on the 8th is still the 7th in New York
				checkIn("2030-03-08T01:00:00Z", "ENDED", Map.of("mood", "2")),
				new ConversationView("x", "other-flow", "1", "end", "EXPIRED", Map.of(), 0,
						Instant.parse("2030-03-06T13:00:00Z"), null, null, List.of()),
				checkIn("2030-03-05T13:00:00Z", "ENDED", Map.of("mood", "5", "cravings", "no")),
				checkIn("2030-02-01T13:00:00Z", "EXPIRED", Map.of()));

		Progress week = charts.of(newestFirst, NEW_YORK, 7);

		assertThat(week.days()).extracting(Day::date, Day::outcome, Day::mood).containsExactly(
				org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2030-03-04"), Outcome.NONE, null),
				org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2030-03-05"), Outcome.ANSWERED, 5),
				org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2030-03-06"), Outcome.NONE, null),
				org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2030-03-07"), Outcome.ANSWERED, 2),
				org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2030-03-08"), Outcome.MISSED, null),
				org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2030-03-09"), Outcome.NOT_DELIVERED, null),
				org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2030-03-10"), Outcome.OPEN, null));
		assertThat(week.answered()).isEqualTo(2);
		assertThat(week.missed()).isEqualTo(1);
		assertThat(week.notDelivered()).isEqualTo(1);
		assertThat(week.averageMood()).isEqualTo("3.5");
		assertThat(week.moodPoints()).as("x by day, mood 5 at the top").isEqualTo("15,6 35,42");
		assertThat(charts.of(newestFirst, NEW_YORK, 90).missed()).as("the 1 February miss is within 90 days").isEqualTo(2);
	}

	@Test
	void anAnswerOnADayWinsOverAMissTheSameDay() {
		Progress day = charts.of(List.of(checkIn("2030-03-10T15:00:00Z", "ENDED", Map.of("mood", "4")),
				checkIn("2030-03-10T13:00:00Z", "EXPIRED", Map.of())), NEW_YORK, 1);
		assertThat(day.days()).extracting(Day::outcome).containsExactly(Outcome.ANSWERED);
		assertThat(day.averageMood()).isEqualTo("4.0");
	}

	@Test
	void theCaseloadsAnswerRateCountsDeliveredCheckInsPerWeek() {
		Progress sam = charts.of(List.of(checkIn("2030-03-09T13:00:00Z", "ENDED", Map.of("mood", "3")),
				checkIn("2030-03-08T13:00:00Z", "EXPIRED", Map.of()),
				checkIn("2030-03-07T13:00:00Z", "UNDELIVERED", Map.of()),
				checkIn("2030-03-01T13:00:00Z", "ENDED", Map.of())), NEW_YORK, 21);
		Progress lee = charts.of(List.of(checkIn("2030-03-09T14:00:00Z", "ENDED", Map.of())), NEW_YORK, 21);

		List<ProgressCharts.Week> weeks = charts.weeks(List.of(sam, lee), 3);

		assertThat(weeks).extracting(ProgressCharts.Week::monday, ProgressCharts.Week::answered,
				ProgressCharts.Week::delivered, ProgressCharts.Week::percent)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2030-02-18"), 0, 0, -1),
					org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2030-02-25"), 1, 1, 100),
					// not delivered is neither answered nor missed
					org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2030-03-04"), 2, 3, 67));
	}
}
