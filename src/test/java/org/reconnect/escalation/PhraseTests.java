package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** The phrase syntax a clinician writes, compiled, and the mistakes it refuses with a reason. */
class PhraseTests {

	/** Words split on spaces, "the" dropped as filler: enough to see the syntax at work. */
	static final Function<String, List<String>> WORDS = text -> Arrays.stream(text.strip().split("\\s+"))
		.filter(word -> !word.isEmpty() && !word.equals("the"))
		.toList();

	static final Map<String, List<String>> LISTS = Map.of("height", List.of("bridge", "roof", "parking garage"));

	@Test
	void wordsInOrderWithAChoiceAListAndAGap() {
		List<Phrase.Variant> variants = compile("(jump|leap) off @height ... tonight");
		assertThat(variants).hasSize(2);
		assertThat(variants.get(0).slots()).extracting(Phrase.Slot::terms)
			.containsExactly(Set.of("jump", "leap"), Set.of("off"), Set.of("bridge", "roof"), Set.of("tonight"));
		assertThat(variants.get(0).slots().get(3).gapBefore()).isEqualTo(Phrase.WIDE_GAP);
		assertThat(variants.get(1).slots()).extracting(Phrase.Slot::terms)
			.containsExactly(Set.of("jump", "leap"), Set.of("off"), Set.of("parking"), Set.of("garage"), Set.of("tonight"));
	}

	@Test
	void anEmptyChoiceIsOptionalAndDollarAsAChoiceEndsTheMessage() {
		List<Phrase.Variant> variants = compile("can not go on (anymore|)");
		assertThat(variants).extracting(v -> v.slots().size()).containsExactlyInAnyOrder(5, 4);
		List<Phrase.Variant> ending = compile("i done (with everything|$)");
		assertThat(ending).extracting(Phrase.Variant::atEnd).containsExactlyInAnyOrder(false, true);
	}

	@Test
	void plusMeansNoWordBetweenAndHashAnyNumber() {
		Phrase.Variant variant = compile("took # pills").get(0);
		assertThat(variant.slots().get(1).accepts("30")).isTrue();
		assertThat(variant.slots().get(1).accepts("thirty")).isFalse();
		assertThat(compile("this+anymore").get(0).slots().get(1).gapBefore()).isZero();
		assertThat(compile("^ i give up $").get(0)).extracting(Phrase.Variant::atStart, Phrase.Variant::atEnd)
			.containsExactly(true, true);
	}

	@Test
	void refusesWhatWouldSilentlyMatchSomethingElse() {
		assertThatThrownBy(() -> compile("cut (myself|my (arm|wrist))")).hasMessageContaining("nested choices");
		assertThatThrownBy(() -> compile("took (the|my) pills")).hasMessageContaining("'the' is only filler words");
		assertThatThrownBy(() -> compile("took $ pills")).hasMessageContaining("$ at its very end");
		assertThatThrownBy(() -> compile("jump off (@cliffs)")).hasMessageContaining("no word list @cliffs");
		assertThatThrownBy(() -> compile("the")).hasMessageContaining("no word left");
		assertThatThrownBy(() -> compile("(now|$) please")).hasMessageContaining("last thing on its line");
		assertThatThrownBy(() -> compile("took (all|every)) pills")).hasMessageContaining("outside a choice");
	}

	private static List<Phrase.Variant> compile(String line) {
		return Phrase.compile("test", line, false, WORDS, LISTS);
	}
}
