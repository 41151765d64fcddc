package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;

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
						"overdose", "danger");
		}
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
