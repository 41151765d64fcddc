package org.reconnect.escalation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the crisis phrase files found in one message: every phrase that matched (none: not a
 * crisis), and in which language the message seems written.
 *
 * @param readings what each language made of the message
 */
record CrisisSignal(List<PhraseBook.Reading> readings) {

	/** One phrase that matched: its language, family, the reply it calls for and the line as written. */
	record Hit(String language, String family, CrisisResponse response, String phrase) {
	}

	boolean crisis() {
		return readings.stream().anyMatch(reading -> !reading.hits().isEmpty());
	}

	List<Hit> hits() {
		return readings.stream().flatMap(reading -> reading.hits().stream()).toList();
	}

	/** The families that matched, for the log and the corpus report (never the text). */
	Set<String> families() {
		TreeSet<String> families = new TreeSet<>();
		hits().forEach(hit -> families.add(hit.language() + "/" + hit.family()));
		return families;
	}

	/** The most urgent reply any matching family calls for. */
	CrisisResponse response() {
		return hits().stream().map(Hit::response).max(Comparator.naturalOrder()).orElse(CrisisResponse.CRISIS);
	}

	/**
	 * The language the message is written in: of the languages whose phrases matched, the one
	 * that knows most of its words; empty when that is a tie (say, emoji alone).
	 */
	Optional<String> writtenIn() {
		List<PhraseBook.Reading> matched = readings.stream().filter(reading -> !reading.hits().isEmpty()).toList();
		int best = matched.stream().mapToInt(PhraseBook.Reading::knownWords).max().orElse(-1);
		List<PhraseBook.Reading> top = matched.stream().filter(reading -> reading.knownWords() == best).toList();
		return top.size() == 1 ? Optional.of(top.get(0).language()) : Optional.empty();
	}

	/**
	 * The language to answer a participant in: their own when the message matched in it; else
	 * the language the message is written in (they just wrote in it), else their own.
	 */
	String languageFor(String profileLanguage) {
		boolean matchedInTheirs = readings.stream()
			.anyMatch(reading -> reading.language().equals(profileLanguage) && !reading.hits().isEmpty());
		return matchedInTheirs ? profileLanguage : writtenIn().orElse(profileLanguage);
	}
}
