package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.InvalidInput.FieldProblem;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The reminder form's choices become a start and an RFC 5545 rule, and a stored rule becomes the
 * same choices again; a wrong choice is named by its field, in the coach's language.
 */
class ScheduleRuleTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final ResourceBundleMessageSource TEXTS = new ResourceBundleMessageSource();

	static {
		TEXTS.setBasenames("messages/console");
		TEXTS.setDefaultEncoding("UTF-8");
		TEXTS.setFallbackToSystemLocale(false);
	}

	/** A form as a coach fills it in, from 2030-03-11 (a Monday) at 19:00. */
	static ReminderForm form(String repeat, String everyWeeks, List<String> days, String monthly, String monthDay,
			String ordinal, String weekday, String ends, String until, String count) {
		return new ReminderForm("Group meeting", "2030-03-11", "19:00", repeat, everyWeeks, days, monthly, monthDay,
				ordinal, weekday, ends, until, count, List.of("PT1H"), "", "", "", "WAIT");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			once                                | once    | 1 |       | day     | 1  | 1  | MO | never |            |    | 2030-03-11T19:00 |
			every day                           | daily   | 1 |       | day     | 1  | 1  | MO | never |            |    | 2030-03-11T19:00 | FREQ=DAILY
			Tue and Thu, 10 times               | weekly  | 1 | TU TH | day     | 1  | 1  | MO | after |            | 10 | 2030-03-12T19:00 | FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10
			weekdays                            | weekly  | 1 | MO TU WE TH FR | day | 1 | 1 | MO | never |      |    | 2030-03-11T19:00 | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
			every other Sat until a date        | weekly  | 2 | SA    | day     | 1  | 1  | MO | on    | 2030-06-29 |    | 2030-03-16T19:00 | FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;UNTIL=20300629
			on the 15th                         | monthly | 1 |       | day     | 15 | 1  | MO | never |            |    | 2030-03-15T19:00 | FREQ=MONTHLY;BYMONTHDAY=15
			on the last day                     | monthly | 1 |       | day     | -1 | 1  | MO | never |            |    | 2030-03-31T19:00 | FREQ=MONTHLY;BYMONTHDAY=-1
			on the 31st (April has none)        | monthly | 1 |       | day     | 31 | 1  | MO | never |            |    | 2030-03-31T19:00 | FREQ=MONTHLY;BYMONTHDAY=31
			on the last Friday                  | monthly | 1 |       | weekday | 1  | -1 | FR | never |            |    | 2030-03-29T19:00 | FREQ=MONTHLY;BYDAY=-1FR
			on the first Monday (this one)      | monthly | 1 |       | weekday | 1  | 1  | MO | after |            | 6  | 2030-04-01T19:00 | FREQ=MONTHLY;BYDAY=1MO;COUNT=6
			on the second Monday                | monthly | 1 |       | weekday | 1  | 2  | MO | never |            |    | 2030-03-11T19:00 | FREQ=MONTHLY;BYDAY=2MO
			""")
	void buildsTheStartAndTheRuleAndReadsThemBack(String what, String repeat, String everyWeeks, String days,
			String monthly, String monthDay, String ordinal, String weekday, String ends, String until, String count,
			String start, String rule) {
		ReminderForm typed = form(repeat, everyWeeks, days == null ? List.of() : List.of(days.split(" ")), monthly,
				monthDay, ordinal, weekday, ends, until == null ? "" : until, count == null ? "" : count);

		ScheduleRule.Built built = ScheduleRule.build(typed, null, TEXTS, Locale.ENGLISH);

		assertThat(built.start()).isEqualTo(LocalDateTime.parse(start));
		assertThat(built.rule()).isEqualTo(rule);
		ReminderForm read = ScheduleRule.read(rule, built.start(), NEW_YORK, typed);
		assertThat(ScheduleRule.build(read, null, TEXTS, Locale.ENGLISH)).as("read back").isEqualTo(built);
		assertThat(read.repeat()).isEqualTo(repeat);
		assertThat(read.ends()).isEqualTo(ends);
	}

	@Test
	void aRuleTheFormCannotShowIsKeptAsItIs() {
		ReminderForm typed = form("weekly", "1", List.of("TU"), "day", "1", "1", "MO", "never", "", "");
		for (String rule : List.of("FREQ=YEARLY;BYMONTH=1,7", "FREQ=MONTHLY;BYDAY=2TU,4TU",
				"FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR", "FREQ=DAILY;INTERVAL=3")) {
			ReminderForm read = ScheduleRule.read(rule, LocalDateTime.parse("2030-03-12T19:00"), NEW_YORK, typed);
			assertThat(read.repeat()).as(rule).isEqualTo("kept");
			assertThat(ScheduleRule.build(read, rule, TEXTS, Locale.ENGLISH).rule()).as(rule).isEqualTo(rule);
		}
		assertThat(ScheduleRule.read("FREQ=MONTHLY;BYSETPOS=2;BYDAY=MO", LocalDateTime.parse("2030-03-11T19:00"),
				NEW_YORK, typed)).extracting(ReminderForm::repeat, ReminderForm::monthly, ReminderForm::ordinal,
						ReminderForm::weekday)
			.containsExactly("monthly", "weekday", "2", "MO");
		assertThat(ScheduleRule.read("FREQ=WEEKLY;BYDAY=TU;UNTIL=20310101T010000Z", LocalDateTime.parse("2030-03-12T19:00"),
				NEW_YORK, typed).until()).as("UNTIL in UTC is the participant's local date").isEqualTo("2030-12-31");
	}

	@Test
	void eachWrongChoiceIsNamedByItsFieldInTheCoachsLanguage() {
		ReminderForm typed = new ReminderForm("Group meeting", "", "7pm", "weekly", "0", List.of(), "day", "1", "1",
				"MO", "after", "", "many", List.of(), "", "", "", "WAIT");

		assertThatThrownBy(() -> ScheduleRule.build(typed, null, TEXTS, Locale.ENGLISH)).isInstanceOf(InvalidInput.class)
			.extracting(ex -> ((InvalidInput) ex).problems())
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(FieldProblem.class))
			.extracting(FieldProblem::field, p -> p.messageIn(TEXTS, Locale.ENGLISH))
			.containsExactly(tuple("date", "pick a date, e.g. from the calendar"),
					tuple("time", "pick a time of day, e.g. 19:00"),
					tuple("everyWeeks", "give a number of weeks from 1 to 52"),
					tuple("days", "tick at least one day of the week"),
					tuple("count", "give a number of times from 1 to 999"),
					tuple("leads", "tick at least one time to remind them"));
		ReminderForm far = new ReminderForm("Far", "+999999999-12-31", "19:00", "monthly", "1", List.of(), "weekday",
				"1", "-1", "FR", "on", "+999999999-12-31", "", List.of("PT1H"), "", "", "", "WAIT");
		assertThatThrownBy(() -> ScheduleRule.build(far, null, TEXTS, Locale.ENGLISH))
			.extracting(ex -> ((InvalidInput) ex).problems())
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(FieldProblem.class))
			.extracting(FieldProblem::field)
			.as("named, never an overflow")
			.containsExactly("date", "until");
		ReminderForm early = form("weekly", "1", List.of("TU"), "day", "1", "1", "MO", "on", "2030-03-01", "");
		assertThatThrownBy(() -> ScheduleRule.build(early, null, TEXTS, Locale.forLanguageTag("es")))
			.extracting(ex -> ((InvalidInput) ex).problems().get(0))
			.extracting(FieldProblem::field, p -> p.messageIn(TEXTS, Locale.forLanguageTag("es")))
			.containsExactly("until", "elija una fecha igual o posterior a la primera, 2030-03-12");
	}
}
