package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** How letters spelled out one by one are read: as the known word or words they make, or not at all. */
class SpellingFilterTests {

	private final SpellingVocabulary vocabulary = new SpellingVocabulary(
			Set.of("die", "kill", "myself", "i", "want", "to", "u", "a", "morir"));

	@Test
	void lettersSpelledOutAreTheKnownWordTheyMake() {
		assertThat(vocabulary.spelled("die")).containsExactly("die");
		assertThat(vocabulary.spelled("dieee")).as("stretched").containsExactly("die");
		assertThat(vocabulary.spelled("morir")).containsExactly("morir");
	}

	@Test
	void lettersRunTogetherAreTheKnownWordsTheyMake() {
		assertThat(vocabulary.spelled("killmyself")).containsExactly("kill", "myself");
		assertThat(vocabulary.spelled("iwanttodie")).containsExactly("i", "want", "to", "die");
	}

	@Test
	void lettersThatMakeNoKnownWordStayLetters() {
		assertThat(vocabulary.spelled("abc")).isEmpty();
		assertThat(vocabulary.spelled("iou")).isEmpty();
		assertThat(vocabulary.spelled("ua")).as("known letters, no word of four").isEmpty();
	}
}
