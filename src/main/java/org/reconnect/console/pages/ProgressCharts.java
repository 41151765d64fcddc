package org.reconnect.console.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reconnect.flows.ConversationRuntime;
import org.reconnect.flows.ConversationView;
import org.reconnect.flows.FlowSettings;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.stereotype.Component;

/**
 * How someone is doing over time, for the charts drawn on the server
 * ({@code fragments/progress-chart.html}): each day's check-in (answered, missed, not delivered)
 * and mood answer from the flows module's conversation history, by the participant's local date;
 * and the caseload's answer rate per week. Templates call it as {@code @progressCharts}.
 */
@Component("progressCharts")
public class ProgressCharts {

	/** The answer a check-in flow saves as the mood, 1 (low) to 5. */
	static final String MOOD = "mood";

	static final int LOWEST_MOOD = 1;

	static final int HIGHEST_MOOD = 5;

	private final ConversationRuntime conversations;
	private final Clock clock;
	private final String checkInFlow;

	ProgressCharts(ConversationRuntime conversations, Clock clock, FlowSettings flows) {
		this.conversations = conversations;
		this.clock = clock;
		this.checkInFlow = flows.checkInFlow();
	}

	/** The last {@code days} days up to today (the participant's), oldest first. */
	public Progress of(ParticipantProfile participant, int days) {
		return of(conversations.history(participant.id()), participant.zone(), days);
	}

	/** The same for a caseload row, by the participant's id and zone. */
	public Progress recent(String participantId, ZoneId zone, int days) {
		return of(conversations.history(new ParticipantId(participantId)), zone, days);
	}

	Progress of(List<ConversationView> history, ZoneId zone, int days) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		LocalDate first = today.minusDays(days - 1L);
		Map<LocalDate, Day> byDate = new LinkedHashMap<>();
		for (LocalDate date = first; !date.isAfter(today); date = date.plusDays(1)) {
			byDate.put(date, new Day(date, Outcome.NONE, null));
		}
		// oldest first, so a later check-in on the same day (one sent by hand) wins
		List<ConversationView> oldestFirst = new ArrayList<>(history);
		java.util.Collections.reverse(oldestFirst);
		for (ConversationView conversation : oldestFirst) {
			if (!conversation.flow().equals(checkInFlow) || conversation.startedAt() == null) {
				continue;
			}
			LocalDate date = LocalDate.ofInstant(conversation.startedAt(), zone);
			if (!byDate.containsKey(date)) {
				continue;
			}
			Outcome outcome = outcome(conversation);
			Integer mood = mood(conversation.answers().get(MOOD));
			Day before = byDate.get(date);
			if (outcome.rank >= before.outcome().rank) {
				byDate.put(date, new Day(date, outcome, mood != null ? mood : before.mood()));
			}
		}
		return new Progress(days, List.copyOf(byDate.values()));
	}

	/** The caseload's share of delivered check-ins answered, per week (Monday first), the last {@code weeks}. */
	public List<Week> weekly(List<ParticipantProfile> caseload, int weeks) {
		return weeks(caseload.stream().map(participant -> of(participant, weeks * 7 + 7)).toList(), weeks);
	}

	List<Week> weeks(List<Progress> caseload, int weeks) {
		LocalDate thisWeek = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate first = thisWeek.minusWeeks(weeks - 1L);
		int[] answered = new int[weeks];
		int[] delivered = new int[weeks];
		for (Progress progress : caseload) {
			for (Day day : progress.days()) {
				long week = ChronoUnit.WEEKS.between(first, day.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
				if (week < 0 || week >= weeks || day.date().isBefore(first)) {
					continue;
				}
				if (day.outcome() == Outcome.ANSWERED || day.outcome() == Outcome.MISSED) {
					delivered[(int) week]++;
				}
				if (day.outcome() == Outcome.ANSWERED) {
					answered[(int) week]++;
				}
			}
		}
		List<Week> list = new ArrayList<>();
		for (int i = 0; i < weeks; i++) {
			list.add(new Week(first.plusWeeks(i), answered[i], delivered[i]));
		}
		return list;
	}

	static Outcome outcome(ConversationView conversation) {
		if (!conversation.answers().isEmpty() || conversation.replies() > 0) {
			return Outcome.ANSWERED;
		}
		return switch (conversation.status()) {
			case "EXPIRED" -> Outcome.MISSED;
			case "UNDELIVERED" -> Outcome.NOT_DELIVERED;
			case "ENDED" -> Outcome.ANSWERED;
			default -> Outcome.OPEN;
		};
	}

	private static Integer mood(String answer) {
		if (answer == null) {
			return null;
		}
		try {
			int mood = Integer.parseInt(answer.trim());
			return mood >= LOWEST_MOOD && mood <= HIGHEST_MOOD ? mood : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A day's check-in; the rank says which of two on one day shows (an answer beats a miss). */
	public enum Outcome {

		NONE(0), OPEN(1), NOT_DELIVERED(2), MISSED(3), ANSWERED(4);

		private final int rank;

		Outcome(int rank) {
			this.rank = rank;
		}

		/** The message key of its words and the CSS class of its mark: answered, missed, ... */
		public String word() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}
	}

	/** One day: its check-in's outcome and the mood answered (null when none). */
	public record Day(LocalDate date, Outcome outcome, Integer mood) {
	}

	/** A week of the caseload: check-ins answered out of those delivered and due. */
	public record Week(LocalDate monday, int answered, int delivered) {

		/** 0 to 100, or -1 when none was delivered. */
		public int percent() {
			return delivered == 0 ? -1 : Math.round(answered * 100f / delivered);
		}
	}

	/** The days of a chart, oldest first, with the counts and mood line the template draws. */
	public record Progress(int span, List<Day> days) {

		public long count(Outcome outcome) {
			return days.stream().filter(day -> day.outcome() == outcome).count();
		}

		public long answered() {
			return count(Outcome.ANSWERED);
		}

		public long missed() {
			return count(Outcome.MISSED);
		}

		public long notDelivered() {
			return count(Outcome.NOT_DELIVERED);
		}

		/** The mean mood, one decimal, or null when none was answered. */
		public String averageMood() {
			double[] moods = days.stream().filter(d -> d.mood() != null).mapToDouble(Day::mood).toArray();
			if (moods.length == 0) {
				return null;
			}
			return String.format(java.util.Locale.ROOT, "%.1f", java.util.Arrays.stream(moods).average().orElse(0));
		}

		/** The SVG polyline points of the mood answers (x by day, y by mood), in the chart's coordinates. */
		public String moodPoints() {
			StringBuilder points = new StringBuilder();
			for (int i = 0; i < days.size(); i++) {
				Day day = days.get(i);
				if (day.mood() != null) {
					points.append(points.isEmpty() ? "" : " ").append(x(i)).append(',').append(y(day.mood()));
				}
			}
			return points.toString();
		}

		/** Days with a mood answer, for the dots. */
		public List<Integer> moodIndexes() {
			List<Integer> indexes = new ArrayList<>();
			for (int i = 0; i < days.size(); i++) {
				if (days.get(i).mood() != null) {
					indexes.add(i);
				}
			}
			return indexes;
		}

		/** Chart width in SVG units: 10 per day. */
		public int width() {
			return days.size() * 10;
		}

		public int x(int index) {
			return index * 10 + 5;
		}

		/** Mood 5 at the top (y 6), mood 1 at y 54 of the mood band. */
		public int y(int mood) {
			return 54 - (mood - LOWEST_MOOD) * 12;
		}

		/** Days newest first, for the table. */
		public List<Day> newestFirst() {
			List<Day> newest = new ArrayList<>(days);
			java.util.Collections.reverse(newest);
			return newest;
		}
	}
}
