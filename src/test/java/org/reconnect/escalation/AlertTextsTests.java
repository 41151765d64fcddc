package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.reconnect.ForbiddenWords;

/**
 * Every alert text, in every language, against the words that must never appear in a message an
 * ally, a coach's phone or a lock screen could show: nothing that reveals a recovery program,
 * a health condition or anything the participant said.
 */
class AlertTextsTests {

	static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

	static final List<String> ALLOWED_PLACEHOLDERS = List.of("participant", "ally", "coach", "day", "date", "time");

	@Test
	void noAlertTextHoldsAWordThatMustNeverAppear() {
		for (String language : AlertTexts.LANGUAGES) {
			Properties texts = AlertTexts.load(language);
			assertThat(texts).as(language).isNotEmpty();
			texts.forEach((key, value) -> {
				String text = value.toString();
				assertThat(ForbiddenWords.in(text)).as("alerts_%s.properties %s: %s", language, key, text).isEmpty();
			});
		}
	}

	@Test
	void placeholdersCanOnlyBeNamesAndTimesSoNoAnswerCanEverBeFilledIn() {
		for (String language : AlertTexts.LANGUAGES) {
			AlertTexts.load(language).forEach((key, value) -> {
				Matcher placeholder = PLACEHOLDER.matcher(value.toString());
				while (placeholder.find()) {
					assertThat(ALLOWED_PLACEHOLDERS).as("alerts_%s.properties %s", language, key)
						.contains(placeholder.group(1));
				}
			});
		}
	}

	@Test
	void everyLanguageHasEveryText() {
		Properties english = AlertTexts.load("en");
		for (String language : AlertTexts.LANGUAGES) {
			assertThat(AlertTexts.load(language).keySet()).as(language).isEqualTo(english.keySet());
		}
	}

	@Test
	void theCheckCatchesAForbiddenWord() {
		assertThat(ForbiddenWords.in("Hi {ally}, Sam missed a meeting")).containsExactly("meeting");
		assertThat(ForbiddenWords.in("Hi {ally}, Sam is at AA tonight")).containsExactly("AA");
	}
}
