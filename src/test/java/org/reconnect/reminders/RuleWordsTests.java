package org.reconnect.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A reminder's schedule in plain words, in English and Spanish, for every kind of rule the API
 * accepts ({@code schedules/rule-words.tsv}: weekdays, BYSETPOS, BYMONTH, BYMONTHDAY from the end,
 * INTERVAL, COUNT, UNTIL as the participant's local date, skipped dates), read through the same
 * bundle the application uses.
 */
class RuleWordsTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final RuleWords WORDS = new RuleWords(bundle());

	static ResourceBundleMessageSource bundle() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("messages/schedules");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	static Stream<Arguments> rows() throws IOException {
		try (InputStream in = RuleWordsTests.class.getResourceAsStream("/schedules/rule-words.tsv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.map(line -> line.split("\t"))
				.map(cells -> Arguments.of(cells[0], cells[1], cells[2], cells[3], cells[4]))
				.toList()
				.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void eachRuleReadsRightInEnglishAndSpanish(String rule, String start, String skipped, String english,
			String spanish) {
		String r = rule.equals("-") ? null : rule;
		List<String> skips = skipped.equals("-") ? List.of() : Arrays.asList(skipped.split(","));
		assertThat(RecurrenceRules.problem(r == null ? "FREQ=DAILY" : r)).as("a rule the API accepts").isNull();
		LocalDateTime at = LocalDateTime.parse(start);
		assertThat(WORDS.describe(r, at, NEW_YORK, skips, Locale.ENGLISH)).isEqualTo(english);
		assertThat(WORDS.describe(r, at, NEW_YORK, skips, Locale.forLanguageTag("es-MX"))).isEqualTo(spanish);
	}

	@Test
	void theTableCoversAtLeastFortyRules() throws IOException {
		assertThat(rows().count()).isGreaterThanOrEqualTo(40);
	}

	@Test
	void aCoachReadingALanguageWithNoBundleGetsEnglishThroughoutNotMixedDayNames() {
		assertThat(WORDS.describe("FREQ=WEEKLY;BYDAY=TU,TH", LocalDateTime.parse("2030-03-05T19:00"), NEW_YORK, List.of(),
				Locale.FRENCH)).isEqualTo("Every Tue and Thu at 7:00 PM");
	}
}
