package org.reconnect.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.ForbiddenWords;
import org.reconnect.consent.AlertKind;
import org.reconnect.consent.AllyView;
import org.reconnect.messaging.MessagingSettings;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantStatus;
import org.reconnect.participants.ResponsivenessSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The words of progress as the bundles give them: the reflection's week names the days with the
 * plural forms right in English and Spanish, a day count without its own text gets the general one,
 * and an ally's note names people only, in the ally's language.
 */
class ProgressTextsTests {

	private final ProgressTexts texts = texts();

	@Test
	void theWeekNamesTheDaysWithThePluralFormsRight() {
		ParticipantProfile en = participant("en");
		assertThat(texts.week(en, 6, 7, 4))
			.isEqualTo("You checked in on 6 of the last 7 days, and reached out to someone on 4 of them.");
		assertThat(texts.week(en, 1, 7, 1))
			.isEqualTo("You checked in on one of the last 7 days, and reached out to someone on one of them.");
		assertThat(texts.week(en, 2, 7, 0)).isEqualTo("You checked in on 2 of the last 7 days.");
		ParticipantProfile es = participant("es");
		assertThat(texts.week(es, 6, 7, 4))
			.isEqualTo("Respondiste tu check-in 6 de los últimos 7 días y conectaste con alguien en 4 de ellos.");
		assertThat(texts.week(es, 1, 7, 1))
			.isEqualTo("Respondiste tu check-in uno de los últimos 7 días y conectaste con alguien en uno de ellos.");
	}

	@Test
	void aDayCountWithoutItsOwnTextGetsTheGeneralOneInTheirLanguage() {
		assertThat(texts.milestone(note(MilestoneKind.DAYS_TAKING_PART, 14), participant("en"), 7))
			.isEqualTo("Sam, you've been taking part for 14 days. Every day you keep showing up counts.");
		assertThat(texts.milestone(note(MilestoneKind.DAYS_TAKING_PART, 30), participant("es"), 7))
			.startsWith("Sam, un mes entero participando.");
		assertThat(texts.milestone(note(MilestoneKind.CONNECTED_WEEK, 5), participant("en"), 7))
			.isEqualTo("Sam, you connected with someone on 5 of the last 7 days. Those connections matter.");
	}

	@Test
	void anAllysNoteNamesPeopleOnlyInTheAllysLanguage() {
		AllyView lucia = new AllyView("a", new ParticipantId("p"), "Lucía Gómez", "+34600000001", null, "es", "GRANTED",
				List.of(AlertKind.PROGRESS), List.of(), null, null, null, null);
		for (MilestoneKind kind : MilestoneKind.values()) {
			for (int days : List.of(7, 30, 90, 365, 14)) {
				for (String language : List.of("en", "es")) {
					String text = texts.allyNote(note(kind, days), lucia, participant(language));
					assertThat(text).startsWith("Hola Lucía").contains("Sam").doesNotContain("{");
					assertThat(ForbiddenWords.in(text)).as(text).isEmpty();
				}
			}
		}
	}

	private static ProgressNote note(MilestoneKind kind, int days) {
		Milestone milestone = new Milestone("p:" + kind, "p", kind, days, "2030-03-08", Instant.EPOCH);
		return ProgressNote.of(milestone, null, Instant.EPOCH, Instant.EPOCH);
	}

	private static ParticipantProfile participant(String language) {
		return new ParticipantProfile(new ParticipantId("p"), "Sam Rivera", "+12025550143", ZoneId.of("America/New_York"),
				LocalTime.of(9, 0), language, ParticipantStatus.ACTIVE, "coach", Instant.EPOCH, null,
				new ResponsivenessSettings(java.time.Duration.ofHours(24), 2, true));
	}

	private static ProgressTexts texts() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/conversations", "messages/alerts", "messages/keywords");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		MessagingSettings messaging = new Binder(new MapConfigurationPropertySource(Map.of("reconnect.messaging.program-name",
				"Reconnect"))).bindOrCreate("reconnect.messaging", MessagingSettings.class);
		return new ProgressTexts(messages, messaging);
	}
}
