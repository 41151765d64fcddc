package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.flows.ConversationView;
import org.reconnect.flows.FlowSettings;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Motivation that dips shows on the caseload as a run of low-mood answers or of missed check-ins
 * reaching the latest check-in, with the days it covers in the coach's words; a good day ends it,
 * and a run shorter than the settings ask for is no dip.
 */
class MotivationDipsTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	/** Thursday 5 December 2030, 12:00 in New York. */
	final MutableClock clock = new MutableClock(Instant.parse("2030-12-05T17:00:00Z"));

	final ProgressCharts charts = new ProgressCharts(null, clock, new FlowSettings(Path.of("flows"), "daily-checkin"));

	final List<ConversationView> newestFirst = new ArrayList<>();

	static ResourceBundleMessageSource texts() {
		ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
		texts.setBasenames("messages/console");
		texts.setDefaultEncoding("UTF-8");
		texts.setFallbackToSystemLocale(false);
		return texts;
	}

	static MotivationDips dips(ProgressCharts charts, int lowMoodDays) {
		return new MotivationDips(charts, new MotivationSettings(2, lowMoodDays, 3, 28), texts());
	}

	/** A check-in sent at 09:00 New York time on that date. */
	void checkIn(String date, String status, Map<String, String> answers) {
		Instant at = java.time.LocalDate.parse(date).atTime(9, 0).atZone(NEW_YORK).toInstant();
		newestFirst.add(0, new ConversationView(date, "daily-checkin", "1", "end", status, answers, answers.size(), at,
				null, null, List.of()));
	}

	MotivationDip dip(MotivationDips dips) {
		return dips.in(charts.of(newestFirst, NEW_YORK, 28)).orElse(null);
	}

	@Test
	void threeLowMoodDaysInARowShowWithTheirDaysUntilAGoodDayEndsThem() {
		MotivationDips dips = dips(charts, 3);
		checkIn("2030-12-01", "ENDED", Map.of("mood", "4"));
		checkIn("2030-12-02", "ENDED", Map.of("mood", "2"));
		checkIn("2030-12-03", "ENDED", Map.of("mood", "1", "cravings", "no"));
		assertThat(dip(dips)).as("two low days are not yet a dip").isNull();

		checkIn("2030-12-04", "ENDED", Map.of("mood", "2"));
		checkIn("2030-12-05", "ACTIVE", Map.of());
		MotivationDip dip = dip(dips);
		assertThat(dip).as("today's open check-in neither counts nor breaks the run")
			.isEqualTo(new MotivationDip(MotivationDip.Kind.LOW_MOOD, 3, java.time.LocalDate.parse("2030-12-02"),
					java.time.LocalDate.parse("2030-12-04")));
		assertThat(dips.words(dip, Locale.ENGLISH)).isEqualTo("Low mood 3 days, Dec 2–4");
		assertThat(dips.words(dip, Locale.forLanguageTag("es"))).isEqualTo("Ánimo bajo 3 días, 2–4 dic");

		clock.advance(Duration.ofDays(1));
		newestFirst.remove(0);
		checkIn("2030-12-05", "ENDED", Map.of("mood", "4"));
		assertThat(dip(dips)).as("a good day ends the dip").isNull();
	}

	@Test
	void missedCheckInsInARowShowAcrossTheMonthAndANotDeliveredOneIsNeverAMiss() {
		MotivationDips dips = dips(charts, 3);
		checkIn("2030-11-28", "ENDED", Map.of("mood", "5"));
		checkIn("2030-11-29", "EXPIRED", Map.of());
		checkIn("2030-11-30", "EXPIRED", Map.of());
		checkIn("2030-12-01", "UNDELIVERED", Map.of());
		checkIn("2030-12-02", "EXPIRED", Map.of());
		checkIn("2030-12-03", "EXPIRED", Map.of());
		checkIn("2030-12-04", "EXPIRED", Map.of());
		MotivationDip dip = dip(dips);
		assertThat(dip).isEqualTo(new MotivationDip(MotivationDip.Kind.MISSED, 3, java.time.LocalDate.parse("2030-12-02"),
				java.time.LocalDate.parse("2030-12-04")));
		assertThat(dips.words(dip, Locale.ENGLISH)).isEqualTo("Missed check-ins 3 days, Dec 2–4");

		newestFirst.removeIf(c -> c.id().equals("2030-12-01"));
		checkIn("2030-12-01", "EXPIRED", Map.of());
		newestFirst.sort(java.util.Comparator.comparing(ConversationView::startedAt).reversed());
		dip = dip(dips);
		assertThat(dip.days()).isEqualTo(6);
		assertThat(dips.words(dip, Locale.ENGLISH)).isEqualTo("Missed check-ins 6 days, Nov 29–Dec 4");
		assertThat(dips.words(dip, Locale.forLanguageTag("es"))).isEqualTo("Check-ins sin respuesta 6 días, 29 nov–4 dic");
	}

	@Test
	void theSettingsSayHowManyDaysMakeADip() {
		checkIn("2030-12-03", "ENDED", Map.of("mood", "2"));
		checkIn("2030-12-04", "ENDED", Map.of("mood", "1"));
		assertThat(dip(dips(charts, 3))).isNull();
		assertThat(dip(dips(charts, 2))).isNotNull();
		assertThat(dips(charts, 2).words(dip(dips(charts, 2)), Locale.ENGLISH)).isEqualTo("Low mood 2 days, Dec 3–4");
	}
}
