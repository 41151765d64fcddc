package org.reconnect.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconnect.reminders.ReminderPlan.Occurrence;
import org.reconnect.reminders.ReminderPlan.Send;

class ReminderPlanTests {

	@Test
	void everyTuesdayAndThursdayAtSevenInTheEvening() {
		Reminder group = reminder("America/New_York", "2030-03-05T19:00", "FREQ=WEEKLY;BYDAY=TU,TH");
		assertThat(starts(group, "2030-03-05T00:00:00Z", 4)).containsExactly("2030-03-05T19:00-05:00[America/New_York]",
				"2030-03-07T19:00-05:00[America/New_York]", "2030-03-12T19:00-04:00[America/New_York]",
				"2030-03-14T19:00-04:00[America/New_York]");
			}

	@Test
	void firstMondayOfTheMonthEveryOtherSaturdayAndCountsInPlainWords() {
		Reminder monthly = reminder("Europe/London", "2030-01-07T18:30", "FREQ=MONTHLY;BYDAY=1MO");
		assertThat(starts(monthly, "2030-01-08T00:00:00Z", 3)).containsExactly("2030-02-04T18:30Z[Europe/London]",
				"2030-03-04T18:30Z[Europe/London]", "2030-04-01T18:30+01:00[Europe/London]");

		Reminder saturdays = reminder("America/New_York", "2030-03-02T10:00", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;COUNT=3");
		assertThat(starts(saturdays, "2030-03-01T00:00:00Z", 10)).containsExactly(
				"2030-03-02T10:00-05:00[America/New_York]", "2030-03-16T10:00-04:00[America/New_York]",
				"2030-03-30T10:00-04:00[America/New_York]");
	}

	@Test
	void aRuleWithAnEndDateStopsThere() {
		Reminder until = reminder("America/New_York", "2030-03-05T19:00", "FREQ=WEEKLY;BYDAY=TU;UNTIL=20300320T000000Z");
		assertThat(starts(until, "2030-03-01T00:00:00Z", 10)).hasSize(3);
	}

	@Test
	void newYorkSpringForwardFiresAtTheFirstValidInstantAfter() {
		// 2027-03-14: 02:00 EST becomes 03:00 EDT, so 02:30 does not exist that day.
		Reminder weekly = reminder("America/New_York", "2027-03-07T02:30", "FREQ=WEEKLY;BYDAY=SU");
		List<Occurrence> next = ReminderPlan.occurrences(weekly, Instant.parse("2027-03-10T00:00:00Z"), 2);
		assertThat(next.get(0).start().toInstant()).isEqualTo(Instant.parse("2027-03-14T07:30:00Z"));
		assertThat(next.get(0).start().toLocalTime()).isEqualTo(LocalTime.of(3, 30));
		assertThat(next.get(1).start().toInstant()).isEqualTo(Instant.parse("2027-03-21T06:30:00Z"));

		Reminder once = reminder("America/New_York", "2027-03-14T02:30", null);
		assertThat(ReminderPlan.occurrences(once, Instant.parse("2027-03-10T00:00:00Z"), 5))
			.extracting(o -> o.start().toInstant())
			.containsExactly(Instant.parse("2027-03-14T07:30:00Z"));
	}

	@Test
	void aWeeklyReminderStartingInTheSpringForwardGapMovesOnlyThatFirstOccurrence() {
		// 2027-03-14 02:30 does not exist in New York: that one is at 03:30; the next Sundays are at 02:30 again.
		Reminder weekly = reminder("America/New_York", "2027-03-14T02:30", "FREQ=WEEKLY;BYDAY=SU");
		assertThat(ReminderPlan.occurrences(weekly, Instant.parse("2027-03-10T00:00:00Z"), 3))
			.extracting(o -> o.start().toLocalDateTime().toString())
			.containsExactly("2027-03-14T03:30", "2027-03-21T02:30", "2027-03-28T02:30");
		assertThat(ReminderPlan.between(weekly, Instant.parse("2027-03-20T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z"), 5))
			.as("the calendar feed reads the same occurrences")
			.extracting(o -> o.start().toInstant())
			.containsExactly(Instant.parse("2027-03-21T06:30:00Z"), Instant.parse("2027-03-28T06:30:00Z"));
	}

	@Test
	void anEndGivenInUtcEndsAtThatInstantInTheMeetingsZone() {
		// UNTIL 2030-03-20T00:00Z is 20:00 on the 19th in New York: a meeting at 19:00 that day is in, one at 21:00 is not.
		Reminder seven = reminder("America/New_York", "2030-03-05T19:00", "FREQ=WEEKLY;BYDAY=TU;UNTIL=20300320T000000Z");
		assertThat(ReminderPlan.occurrences(seven, Instant.parse("2030-03-01T00:00:00Z"), 10))
			.extracting(o -> o.start().toLocalDate().toString())
			.containsExactly("2030-03-05", "2030-03-12", "2030-03-19");
		Reminder nine = reminder("America/New_York", "2030-03-05T21:00", "FREQ=WEEKLY;BYDAY=TU;UNTIL=20300320T000000Z");
		assertThat(ReminderPlan.occurrences(nine, Instant.parse("2030-03-01T00:00:00Z"), 10))
			.extracting(o -> o.start().toLocalDate().toString())
			.containsExactly("2030-03-05", "2030-03-12");
	}

	@Test
	void newYorkFallBackFiresOnce() {
		// 2027-11-07: 02:00 EDT becomes 01:00 EST, so 01:30 happens twice; the reminder once, at the first.
		Reminder daily = reminder("America/New_York", "2027-11-05T01:30", "FREQ=DAILY");
		assertThat(ReminderPlan.occurrences(daily, Instant.parse("2027-11-06T12:00:00Z"), 2))
			.extracting(o -> o.start().toInstant())
			.containsExactly(Instant.parse("2027-11-07T05:30:00Z"), Instant.parse("2027-11-08T06:30:00Z"));
	}

	@Test
	void londonBothChanges() {
		// 2027-03-28: 01:00 GMT becomes 02:00 BST; 2027-10-31: 02:00 BST becomes 01:00 GMT.
		Reminder weekly = reminder("Europe/London", "2027-03-21T01:30", "FREQ=WEEKLY;BYDAY=SU");
		assertThat(ReminderPlan.occurrences(weekly, Instant.parse("2027-03-27T00:00:00Z"), 1).get(0).start().toInstant())
			.as("01:30 does not exist: 02:30 BST").isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
		assertThat(ReminderPlan.occurrences(weekly, Instant.parse("2027-10-30T00:00:00Z"), 2))
			.extracting(o -> o.start().toInstant())
			.as("01:30 happens twice: once, in BST")
			.containsExactly(Instant.parse("2027-10-31T00:30:00Z"), Instant.parse("2027-11-07T01:30:00Z"));
	}

	@Test
	void aZoneWithAHalfHourOffsetAndDaylightSaving() {
		// Adelaide is UTC+9:30, +10:30 in summer. 2027-10-03: 02:00 becomes 03:00; 2027-04-04: 03:00 becomes 02:00.
		Reminder weekly = reminder("Australia/Adelaide", "2027-03-28T02:30", "FREQ=WEEKLY;BYDAY=SU");
		assertThat(ReminderPlan.occurrences(weekly, Instant.parse("2027-04-02T00:00:00Z"), 2))
			.extracting(o -> o.start().toInstant())
			.as("02:30 twice on 4 April: once, at +10:30")
			.containsExactly(Instant.parse("2027-04-03T16:00:00Z"), Instant.parse("2027-04-10T17:00:00Z"));
		Occurrence spring = ReminderPlan.occurrences(weekly, Instant.parse("2027-10-01T00:00:00Z"), 1).get(0);
		assertThat(spring.start().toLocalTime()).as("02:30 does not exist on 3 October").isEqualTo(LocalTime.of(3, 30));
		assertThat(spring.start().toInstant()).isEqualTo(Instant.parse("2027-10-02T17:00:00Z"));
	}

	@Test
	void skippedAndMovedOccurrences() {
		Reminder group = reminder("America/New_York", "2030-03-05T19:00", "FREQ=WEEKLY;BYDAY=TU,TH");
		group.skipped.add("2030-03-07T19:00");
		group.moved.add(new Reminder.Move("2030-03-12T19:00", "2030-03-13T18:00"));
		assertThat(ReminderPlan.occurrences(group, Instant.parse("2030-03-06T00:00:00Z"), 3))
			.extracting(o -> o.key() + " " + o.start().toLocalDateTime())
			.containsExactly("2030-03-12T19:00 2030-03-13T18:00", "2030-03-14T19:00 2030-03-14T19:00",
					"2030-03-19T19:00 2030-03-19T19:00");
	}

	@Test
	void leadsGiveSendsInOrderTheDayBeforeAndAnHourBefore() {
		Reminder group = reminder("America/New_York", "2030-03-05T19:00", "FREQ=WEEKLY;BYDAY=TU,TH");
		Send first = ReminderPlan.nextSendAfter(group, Instant.parse("2030-03-04T12:00:00Z"));
		assertThat(first.plannedAt()).as("Monday 18:00 EST").isEqualTo(Instant.parse("2030-03-04T23:00:00Z"));
		Send second = ReminderPlan.nextSend(group, first);
		assertThat(second.plannedAt()).as("Tuesday 18:00 EST, an hour before").isEqualTo(Instant.parse("2030-03-05T23:00:00Z"));
		assertThat(second.occurrence().key()).isEqualTo("2030-03-05T19:00");
		Send third = ReminderPlan.nextSend(group, second);
		assertThat(third.occurrence().key()).as("the day before Thursday, also 18:00, after Tuesday's meeting one")
			.isEqualTo("2030-03-07T19:00");
		assertThat(third.lead()).isZero();
		Send fourth = ReminderPlan.nextSend(group, third);
		assertThat(fourth.plannedAt()).isEqualTo(Instant.parse("2030-03-07T23:00:00Z"));
		assertThat(fourth.lead()).isEqualTo(1);
	}

	@Test
	void aOneOffHasNoSendAfterItsLast() {
		Reminder once = reminder("America/New_York", "2030-03-05T10:00", null);
		Send last = ReminderPlan.nextSendAfter(once, Instant.parse("2030-03-05T13:30:00Z"));
		assertThat(last.plannedAt()).as("an hour before 10:00 EST").isEqualTo(Instant.parse("2030-03-05T14:00:00Z"));
		assertThat(ReminderPlan.nextSend(once, last)).isNull();
		assertThat(ReminderPlan.nextSendAfter(once, Instant.parse("2030-03-05T14:30:00Z"))).isNull();
	}

	static Reminder reminder(String zone, String start, String rule) {
		Reminder reminder = new Reminder();
		reminder.id = "r1";
		reminder.participantId = "p1";
		reminder.title = "Group meeting";
		reminder.zone = ZoneId.of(zone).getId();
		reminder.start = start;
		reminder.rule = rule;
		reminder.durationMinutes = 60;
		reminder.leads.add(Lead.daysBefore(1, LocalTime.of(18, 0)).code());
		reminder.leads.add(Lead.before(Duration.ofHours(1)).code());
		return reminder;
	}

	private static List<String> starts(Reminder reminder, String after, int limit) {
		return ReminderPlan.occurrences(reminder, Instant.parse(after), limit).stream().map(o -> o.start().toString()).toList();
	}
}
