package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every alert text, in every language, against the words that must never appear in a message an
 * ally, a coach's phone or a lock screen could show: nothing that reveals a recovery program,
 * a health condition or anything the participant said.
 */
class AlertTextsTests {

	/** Matched as the start of a word, whatever the case: "drug" also catches "drugs". */
	static final List<String> NEVER = List.of("recovery", "recover", "addict", "relapse", "sober", "sobriety", "craving",
			"mood", "drug", "alcohol", "drink", "drunk", "treatment", "therapy", "therapist", "diagnos", "meeting",
			"rehab", "detox", "clinic", "counsel", "medication", "overdose", "suicid", "depress", "anxiety", "mental",
			"psychiatr", "program", "12-step", "twelve step", "substance", "opioid", "using again",
			// Spanish
			"recuperaci", "adicci", "recaída", "recaida", "sobriedad", "antojo", "ánimo", "animo", "droga", "alcohol",
			"tratamiento", "terapia", "diagnóstico", "diagnostico", "reunión", "reunion", "rehabilitaci", "programa",
			"sustancia", "depresi", "ansiedad", "salud mental");

	/** Whole words, in capitals only: Alcoholics and Narcotics Anonymous. */
	static final List<String> NEVER_EXACT = List.of("AA", "NA", "CA", "SMART");

	static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

	static final List<String> ALLOWED_PLACEHOLDERS = List.of("participant", "ally", "coach", "day", "date", "time");

	@Test
	void noAlertTextHoldsAWordThatMustNeverAppear() {
		for (String language : AlertTexts.LANGUAGES) {
			Properties texts = AlertTexts.load(language);
			assertThat(texts).as(language).isNotEmpty();
			texts.forEach((key, value) -> {
				String text = value.toString();
				String lower = text.toLowerCase(Locale.ROOT);
				for (String word : NEVER) {
					assertThat(Pattern.compile("(^|[^\\p{L}])" + Pattern.quote(word)).matcher(lower).find())
						.as("alerts_%s.properties %s contains '%s': %s", language, key, word, text)
						.isFalse();
				}
				for (String word : NEVER_EXACT) {
					assertThat(Pattern.compile("\\b" + word + "\\b").matcher(text).find())
						.as("alerts_%s.properties %s contains '%s'", language, key, word)
						.isFalse();
				}
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
		String planted = "Hi {ally}, Sam missed a meeting";
		assertThat(NEVER.stream()
			.anyMatch(word -> Pattern.compile("(^|[^\\p{L}])" + Pattern.quote(word))
				.matcher(planted.toLowerCase(Locale.ROOT))
				.find())).isTrue();
	}
}
