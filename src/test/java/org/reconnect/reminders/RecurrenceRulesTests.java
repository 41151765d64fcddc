package org.reconnect.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Rules ical4j 4.4 reads silently as something else, or that RFC 5545 forbids, or that would make
 * a reminder fire more than daily, are refused with what to send instead (issue #17, F12).
 */
class RecurrenceRulesTests {

	@Test
	void rulesRfc5545ForbidsOrThatGoOnByMistakeAreRefused() {
		Map<String, String> refused = Map.ofEntries(Map.entry("FREQ=DAILY;COUNT=0", "COUNT=0"),
				Map.entry("FREQ=DAILY;COUNT=-1", "COUNT=-1"), Map.entry("FREQ=WEEKLY;INTERVAL=-5", "INTERVAL=-5"),
				Map.entry("FREQ=WEEKLY;INTERVAL=0", "INTERVAL=0"), Map.entry("FREQ=DAILY;INTERVAL=abc", "INTERVAL=ABC"),
				Map.entry("FREQ=DAILY;FREQ=WEEKLY", "FREQ twice"), Map.entry("FREQ=WEEKLY;BYDAY=TU;BYDAY=TH", "BYDAY twice"),
				Map.entry("FREQ=WEEKLY;COUNT=3;UNTIL=20310101T000000Z", "both COUNT and UNTIL"),
				Map.entry("COUNT=3", "no FREQ"), Map.entry("FREQ=HOURLY", "more often than daily"),
				Map.entry("FREQ=MINUTELY;COUNT=5", "more often than daily"), Map.entry("FREQ=SECONDLY", "more often than daily"),
				Map.entry("FREQ=DAILY;BYHOUR=9,17", "BYHOUR"), Map.entry("FREQ=WEEKLY;BYMINUTE=30", "BYMINUTE"),
				Map.entry("FREQ=WEEKLY;BYDAY=1MO", "with a number"), Map.entry("FREQ=DAILY;BYDAY=-1FR", "with a number"),
				Map.entry("FREQ=WEEKLY;BYMONTHDAY=3", "BYMONTHDAY"), Map.entry("FREQ=MONTHLY;BYWEEKNO=3", "BYWEEKNO"),
				Map.entry("FREQ=MONTHLY;BYYEARDAY=100", "BYYEARDAY"), Map.entry("FREQ=YEARLY;BYWEEKNO=20;BYDAY=1MO", "BYWEEKNO"),
				Map.entry("FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS"), Map.entry("FREQ=WEEKLY;BYDAY=XX", "not an RFC 5545"),
				Map.entry("FREQ=DAILY;FOO=BAR", "not an RFC 5545"), Map.entry("FREQ=DAILY;COUNT", "NAME=VALUE"),
				Map.entry("FREQ=DAILY;UNTIL=garbage", "not an RFC 5545"));
		refused.forEach((rule, saying) -> assertThat(RecurrenceRules.problem(rule).message()).as(rule)
			.contains(saying)
			.endsWith("send one such as FREQ=WEEKLY;BYDAY=TU,TH or FREQ=MONTHLY;BYDAY=1MO or FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;COUNT=10"));
	}

	@Test
	void theRulesCoachesWriteAreRead() {
		for (String rule : List.of("FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=TU,TH", "FREQ=weekly;byday=tu", "FREQ=MONTHLY;BYDAY=1MO",
				"FREQ=MONTHLY;BYDAY=-1FR", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;COUNT=10", "FREQ=DAILY;UNTIL=20301231T235959Z",
				"FREQ=MONTHLY;BYMONTHDAY=15", "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
				"FREQ=DAILY;INTERVAL=3", "FREQ=WEEKLY;WKST=SU;BYDAY=SU", "FREQ=WEEKLY;")) {
			assertThat(RecurrenceRules.problem(rule)).as(rule).isNull();
		}
	}
}
