package org.reconnect.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantStatus;
import org.reconnect.participants.QuietHours;
import org.reconnect.participants.ResponsivenessSettings;
import org.reconnect.reminders.Reminder.Outcome;

/**
 * What the engine decides for a reminder text that falls due in the participant's quiet hours
 * (21:00-08:00 in New York), for each choice a coach can make, with the clock moved by hand:
 * waiting (the default, and what a reminder stored without a choice does), skipping, and sending
 * anyway; on the day the clocks go forward too.
 */
class ReminderDecisionTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final ParticipantProfile DEE = new ParticipantProfile(new ParticipantId("p-dee"), "Dee Moss",
			"+12025550318", NEW_YORK, LocalTime.of(9, 0), "en", ParticipantStatus.ACTIVE, "coach",
			Instant.parse("2030-03-01T12:00:00Z"), null, new ResponsivenessSettings(Duration.ofHours(2), 2, true),
			QuietHours.DEFAULT);

	private final MutableClock clock = new MutableClock(Instant.parse("2030-03-04T12:00:00Z"));

	@Test
	void aTextDueInQuietHoursWaitsUntilTheyEndSkipsOrGoesAsItsReminderSays() {
		// Wednesday 10:00 EST; the text at 06:00 EST (11:00Z), two hours before quiet hours end.
		Reminder waiting = appointment("2030-03-06T10:00", "P0D@06:00", InQuietHours.WAIT);
		Reminder skipping = appointment("2030-03-06T10:00", "P0D@06:00", InQuietHours.SKIP);
		Reminder anyway = appointment("2030-03-06T10:00", "P0D@06:00", InQuietHours.SEND_ANYWAY);
		clock.set(Instant.parse("2030-03-06T11:00:00Z"));

		ReminderDecision waits = ReminderDecision.decide(waiting, clock.instant(), DEE);
		assertThat(waits.outcome()).isEqualTo(Outcome.DEFERRED_QUIET_HOURS);
		assertThat(waits.sending()).isFalse();
		assertThat(waits.nextSendAt()).as("08:00 EST").isEqualTo(Instant.parse("2030-03-06T13:00:00Z"));

		ReminderDecision skips = ReminderDecision.decide(skipping, clock.instant(), DEE);
		assertThat(skips.outcome()).isEqualTo(Outcome.SKIPPED_QUIET_HOURS);
		assertThat(skips.sending()).isFalse();
		assertThat(skips.nextSendAt()).as("a one-off has nothing more to send").isNull();

		ReminderDecision goes = ReminderDecision.decide(anyway, clock.instant(), DEE);
		assertThat(goes.outcome()).isEqualTo(Outcome.SENT_IN_QUIET_HOURS);
		assertThat(goes.sending()).isTrue();
		assertThat(goes.pending("token", clock.instant()).outcome()).isEqualTo(Outcome.SENT_IN_QUIET_HOURS);
	}

	@Test
	void waitingIsLeftOutWhenTheMeetingHasBegunByTheEndButSendingAnywayStillGoes() {
		// A 07:00 shift, reminded an hour before: 06:00 is quiet and 08:00 too late.
		Reminder waiting = appointment("2030-03-06T07:00", "PT1H", InQuietHours.WAIT);
		Reminder anyway = appointment("2030-03-06T07:00", "PT1H", InQuietHours.SEND_ANYWAY);
		clock.set(Instant.parse("2030-03-06T11:00:00Z"));

		assertThat(ReminderDecision.decide(waiting, clock.instant(), DEE).outcome()).isEqualTo(Outcome.SKIPPED_QUIET_HOURS);
		assertThat(ReminderDecision.decide(anyway, clock.instant(), DEE).outcome()).isEqualTo(Outcome.SENT_IN_QUIET_HOURS);
	}

	@Test
	void aReminderStoredWithoutAChoiceWaitsAsBefore() {
		Reminder stored = appointment("2030-03-06T10:00", "P0D@06:00", null);
		clock.set(Instant.parse("2030-03-06T11:00:00Z"));

		ReminderDecision decision = ReminderDecision.decide(stored, clock.instant(), DEE);

		assertThat(decision.outcome()).isEqualTo(Outcome.DEFERRED_QUIET_HOURS);
		assertThat(ReminderView.of(stored, "", Lead::code).inQuietHours()).isEqualTo(InQuietHours.WAIT);
	}

	@Test
	void aDeliveryRecordKeepsItsLeadAsSentAndARecordKeptInWordsReadsAsItWas() {
		Instant meeting = Instant.parse("2030-03-06T15:00:00Z");
		ReminderView.DeliveryView kept = ReminderView.DeliveryView.of(new Reminder.Delivery("2030-03-06T10:00", meeting,
				"P1D@18:00", meeting, meeting, Outcome.SENT), lead -> "el día antes a las " + lead.at());
		assertThat(kept.daysBefore()).isEqualTo(1);
		assertThat(kept.at()).isEqualTo("18:00");
		assertThat(kept.before()).isNull();
		assertThat(kept.lead()).isEqualTo("el día antes a las 18:00");

		ReminderView.DeliveryView old = ReminderView.DeliveryView.of(new Reminder.Delivery("2030-03-06T10:00", meeting,
				"the day before at 18:00", meeting, meeting, Outcome.SENT), lead -> "words");
		assertThat(old.lead()).as("a record from before codes").isEqualTo("the day before at 18:00");
		assertThat(old.daysBefore()).isNull();
	}

	@Test
	void outsideQuietHoursEveryChoiceSendsAsUsual() {
		for (InQuietHours choice : InQuietHours.values()) {
			clock.set(Instant.parse("2030-03-04T12:00:00Z"));
			Reminder reminder = appointment("2030-03-06T19:00", "PT1H", choice);
			clock.set(Instant.parse("2030-03-06T23:00:00Z")); // 18:00 EST

			assertThat(ReminderDecision.decide(reminder, clock.instant(), DEE).outcome()).as(choice.name())
				.isEqualTo(Outcome.SENT);
		}
	}

	@Test
	void onTheDayTheClocksGoForwardQuietHoursEndAtEightInTheNewTime() {
		// Sunday 10 March 2030: 02:00 EST becomes 03:00 EDT. The text at 06:00 EDT (10:00Z).
		Reminder waiting = appointment("2030-03-10T10:00", "P0D@06:00", InQuietHours.WAIT);
		Reminder skipping = appointment("2030-03-10T10:00", "P0D@06:00", InQuietHours.SKIP);
		Reminder anyway = appointment("2030-03-10T10:00", "P0D@06:00", InQuietHours.SEND_ANYWAY);
		assertThat(waiting.nextSendAt).isEqualTo(Instant.parse("2030-03-10T10:00:00Z"));
		clock.set(Instant.parse("2030-03-10T10:00:00Z"));

		ReminderDecision waits = ReminderDecision.decide(waiting, clock.instant(), DEE);
		assertThat(waits.outcome()).isEqualTo(Outcome.DEFERRED_QUIET_HOURS);
		assertThat(waits.nextSendAt()).as("08:00 EDT, not 08:00 EST").isEqualTo(Instant.parse("2030-03-10T12:00:00Z"));
		assertThat(ReminderDecision.decide(skipping, clock.instant(), DEE).outcome())
			.isEqualTo(Outcome.SKIPPED_QUIET_HOURS);
		assertThat(ReminderDecision.decide(anyway, clock.instant(), DEE).outcome())
			.isEqualTo(Outcome.SENT_IN_QUIET_HOURS);

		// 07:59 EDT is still quiet; at 08:00 EDT the waiting text goes, after quiet hours.
		clock.set(Instant.parse("2030-03-10T11:59:00Z"));
		assertThat(DEE.quietHours().contains(clock.instant(), NEW_YORK)).isTrue();
		waiting.nextSendAt = waits.nextSendAt();
		waiting.nextDeferred = true;
		clock.set(Instant.parse("2030-03-10T12:00:00Z"));
		assertThat(ReminderDecision.decide(waiting, clock.instant(), DEE).outcome())
			.isEqualTo(Outcome.SENT_AFTER_QUIET_HOURS);
	}

	/** A one-off appointment in New York with one lead, planned from the clock's time. */
	private Reminder appointment(String start, String lead, InQuietHours choice) {
		Reminder reminder = new Reminder();
		reminder.id = "r-" + start + "-" + choice;
		reminder.participantId = DEE.id().value();
		reminder.title = "Early shift";
		reminder.zone = NEW_YORK.getId();
		reminder.start = start;
		reminder.leads = new java.util.ArrayList<>(List.of(lead));
		reminder.inQuietHours = choice;
		reminder.planNext(ReminderPlan.nextSendAfter(reminder, clock.instant()));
		return reminder;
	}
}
