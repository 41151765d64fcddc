package org.reconnect.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.validation.constraints.Size;

/**
 * Text at the boundary (issue #17, F11): NFC, and the characters that make a text show something
 * else refused for a coach's input, cleaned out of a person's message.
 */
class UnicodeTextTests {

	@Test
	void aDecomposedAccentBecomesThePrecomposedCharacter() {
		assertThat(UnicodeText.nfc("Jose\u0301")).isEqualTo("Jos\u00e9").hasSize(4);
		assertThat(UnicodeText.nfc("Jos\u00e9")).isEqualTo("Jos\u00e9");
		assertThat(UnicodeText.nfc(null)).isNull();
	}

	@Test
	void controlBidiAndBrokenCharactersAreNamedWithWhereTheyAre() {
		assertThat(UnicodeText.problem("Ana \u202eluaP", false)).contains("U+202E", "bidirectional", "character 5");
		assertThat(UnicodeText.problem("a\u2066b\u2069", false)).contains("U+2066");
		assertThat(UnicodeText.problem("a\u202ab", false)).contains("U+202A");
		assertThat(UnicodeText.problem("a\u0000", false)).contains("U+0000", "control");
		assertThat(UnicodeText.problem("a\u0085", false)).contains("U+0085", "control");
		assertThat(UnicodeText.problem("a\u007f", false)).contains("U+007F");
		assertThat(UnicodeText.problem("a\ud800b", false)).contains("U+D800", "surrogate");
		assertThat(UnicodeText.problem("a\udc00", false)).contains("U+DC00");
		assertThat(UnicodeText.problem("two\nlines", false)).contains("U+000A", "one line");
		assertThat(UnicodeText.problem("a\tb", false)).contains("U+0009");
	}

	@Test
	void ordinaryTextIsFineEmojiAndRightToLeftScriptsIncluded() {
		for (String text : List.of("Ana Paul", "Mar\u00eda N\u00fa\u00f1ez", "\ud83d\udc4d 4", "\u05e9\u05dc\u05d5\u05dd",
				"\u0645\u0631\u062d\u0628\u0627", "\u200f\u05d0", "\ud835\udd18")) {
			assertThat(UnicodeText.problem(text, false)).as(text).isNull();
		}
		assertThat(UnicodeText.problem("line one\r\nline two\tand a tab", true)).isNull();
		assertThat(UnicodeText.problem("still\u0000 not", true)).contains("U+0000");
	}

	@Test
	void aPersonsMessageIsCleanedNotRefused() {
		assertThat(UnicodeText.clean("ALLY Ro\u202eb\u0000 Lane\u0301")).isEqualTo("ALLY Rob Lan\u00e9");
		assertThat(UnicodeText.clean("4\ud800")).isEqualTo("4\ufffd");
		assertThat(UnicodeText.clean("yes\r\n\tno \ud83d\ude00")).isEqualTo("yes\r\n\tno \ud83d\ude00");
		assertThat(UnicodeText.clean(null)).isNull();
	}

	record Named(@Size(max = 5) @CleanText String name, @CleanText(multiline = true) String note,
			@AtMostBytes(4) String secret) {
	}

	@Test
	void theAnnotationsRefuseWithTheFieldAndTheLimit() {
		assertThat(Inputs.problems("", new Named("Ana", "a\nb", "abcd"))).isEmpty();
		assertThat(Inputs.problems("ally.", new Named("Anabel \u202e", "a\u0000", "\u00e9\u00e9\u00e9")))
			.extracting(InvalidInput.FieldProblem::field, InvalidInput.FieldProblem::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ally.name",
					"contains U+202E (a bidirectional override or isolate, which can make text display reversed) "
							+ "at character 8: remove it; this field is one line of plain text"),
					org.assertj.core.groups.Tuple.tuple("ally.name", "is too long: at most 5 characters"),
					org.assertj.core.groups.Tuple.tuple("ally.note",
							"contains U+0000 (a control character) at character 2: remove it"),
					org.assertj.core.groups.Tuple.tuple("ally.secret",
							"is too long: at most 4 bytes in UTF-8 (a letter with an accent takes 2, an emoji 4)"));
	}
}
