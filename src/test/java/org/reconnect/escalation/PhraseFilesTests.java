package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The phrase files as a clinician reviews them: every language covers every family of the
 * phenomenon, and every family names the published guidance it comes from.
 */
class PhraseFilesTests {

	private final List<PhraseBook> books = new PhraseFiles().readAll();

	@Test
	void everyLanguageCoversTheWholePhenomenon() {
		assertThat(books).extracting(PhraseBook::language).contains("en", "es");
		for (PhraseBook book : books) {
			assertThat(book.families().keySet()).as(book.language())
				.containsExactlyInAnyOrder("direct", "wish-dead", "burden", "hopeless", "method", "goodbye", "self-harm",
						"overdose", "danger", "harm-others", "voices", "strong-words");
		}
	}

	@Test
	void onlyTheStrongWordsAreTheBroadTierAndEveryLanguageHasIdioms() {
		for (PhraseBook book : books) {
			assertThat(book.families().values()).as(book.language())
				.filteredOn(family -> family.tier() == PhraseBook.Tier.BROAD)
				.extracting(PhraseBook.Family::name)
				.containsExactly("strong-words");
			assertThat(book.idioms()).as(book.language() + " idioms").isPositive();
		}
	}

	@Test
	void anIdiomLineThatWouldSilenceAWordEverywhereStopsTheStartNamingFileAndLine() {
		assertThatThrownBy(() -> PhraseFiles.idioms("crisis/en/idioms.txt", "dead tired\n\n# a word alone\ndead\n",
				PhraseTests.WORDS, PhraseTests.LISTS))
			.hasMessageContaining("crisis/en/idioms.txt line 4")
			.hasMessageContaining("would silence that word everywhere");
		assertThatThrownBy(() -> PhraseFiles.idioms("idioms.txt", "(the|) bridge", PhraseTests.WORDS, PhraseTests.LISTS))
			.as("a choice that may leave one word").hasMessageContaining("line 1");
		assertThatThrownBy(() -> PhraseFiles.idioms("idioms.txt", "- bridge club", PhraseTests.WORDS, PhraseTests.LISTS))
			.hasMessageContaining("without '-'");
		assertThat(PhraseFiles.idioms("idioms.txt", "^ bridge $\nbridge (club|game)", PhraseTests.WORDS, PhraseTests.LISTS))
			.as("a word sent alone may be an idiom").hasSize(2);
	}

	@Test
	void aTierIsPreciseOrBroad() {
		assertThat(PhraseBook.Tier.of(" Broad ")).isEqualTo(PhraseBook.Tier.BROAD);
		assertThatThrownBy(() -> PhraseBook.Tier.of("wide")).hasMessageContaining("'precise' (the default) or 'broad'");
	}

	@Test
	void everyFamilyNamesItsSourceAndTheReplyItCallsFor() {
		for (PhraseBook book : books) {
			for (PhraseBook.Family family : book.families().values()) {
				assertThat(family.source()).as(book.language() + "/" + family.name()).matches(".*(988|SAMHSA|C-SSRS|AFSP|CDC|Hotline).*");
			}
			Map<CrisisResponse, List<String>> byReply = book.families()
				.values()
				.stream()
				.collect(Collectors.groupingBy(PhraseBook.Family::response,
						Collectors.mapping(PhraseBook.Family::name, Collectors.toList())));
			assertThat(byReply.get(CrisisResponse.OVERDOSE)).containsExactly("overdose");
			assertThat(byReply.get(CrisisResponse.DANGER)).containsExactly("danger");
		}
	}
}
