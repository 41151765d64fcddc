package org.reconnect.console.pages;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.reconnect.console.pages.ProgressCharts.Day;
import org.reconnect.console.pages.ProgressCharts.Outcome;
import org.reconnect.console.pages.ProgressCharts.Progress;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Finds motivation that dips in someone's daily check-ins ({@link ProgressCharts}' days): the run
 * of low-mood answers or of missed check-ins that reaches their latest check-in, when it is as long
 * as {@link MotivationSettings} asks. Templates call it as {@code @motivationDips}.
 */
@Component("motivationDips")
public class MotivationDips {

	private final ProgressCharts charts;
	private final MotivationSettings settings;
	private final MessageSource texts;

	MotivationDips(ProgressCharts charts, MotivationSettings settings, MessageSource texts) {
		this.charts = charts;
		this.settings = settings;
		this.texts = texts;
	}

	/** The participant's dip now, if any. */
	Optional<MotivationDip> of(String participantId, ZoneId zone) {
		return in(charts.recent(participantId, zone, settings.lookBackDays()));
	}

	/** The dip that reaches the latest check-in of these days (oldest first), if long enough. */
	Optional<MotivationDip> in(Progress progress) {
		List<Day> days = progress.days();
		int last = days.size() - 1;
		// today's check-in may not have come or been answered yet: the run is read up to yesterday then
		if (last >= 0 && (days.get(last).outcome() == Outcome.NONE || days.get(last).outcome() == Outcome.OPEN)) {
			last--;
		}
		if (last < 0) {
			return Optional.empty();
		}
		MotivationDip.Kind kind = kind(days.get(last));
		if (kind == null) {
			return Optional.empty();
		}
		int first = last;
		while (first > 0 && kind(days.get(first - 1)) == kind) {
			first--;
		}
		int length = last - first + 1;
		int needed = kind == MotivationDip.Kind.LOW_MOOD ? settings.lowMoodDays() : settings.missedDays();
		return length < needed ? Optional.empty()
				: Optional.of(new MotivationDip(kind, length, days.get(first).date(), days.get(last).date()));
	}

	private MotivationDip.Kind kind(Day day) {
		if (day.outcome() == Outcome.MISSED) {
			return MotivationDip.Kind.MISSED;
		}
		if (day.outcome() == Outcome.ANSWERED && day.mood() != null && day.mood() <= settings.lowMood()) {
			return MotivationDip.Kind.LOW_MOOD;
		}
		return null;
	}

	/** "Low mood 3 days, Dec 2–4", in the coach's language; the date patterns are in the bundle too. */
	public String words(MotivationDip dip, Locale locale) {
		boolean sameMonth = dip.from().withDayOfMonth(1).equals(dip.to().withDayOfMonth(1));
		String from = format(dip.from(), sameMonth ? "caseload.dip.from.same-month" : "caseload.dip.date", locale);
		String to = format(dip.to(), sameMonth ? "caseload.dip.to.same-month" : "caseload.dip.date", locale);
		String range = dip.from().equals(dip.to()) ? format(dip.to(), "caseload.dip.date", locale)
				: texts.getMessage("caseload.dip.range", new Object[] { from, to }, locale);
		return texts.getMessage(dip.kind().key(), new Object[] { dip.days(), range }, locale);
	}

	private String format(LocalDate date, String patternKey, Locale locale) {
		return DateTimeFormatter.ofPattern(texts.getMessage(patternKey, null, locale), locale).format(date);
	}
}
