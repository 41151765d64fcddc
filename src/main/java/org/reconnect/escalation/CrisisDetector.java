package org.reconnect.escalation;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells whether a message signals crisis, by the phrase files of every language (under
 * {@code src/main/resources/crisis/}), reviewed like clinical content and measured by a labelled
 * corpus in the tests. It errs towards responding: a false alarm costs a kind message and a
 * coach's glance; a miss can cost far more. Read once at start; a message takes well under a
 * millisecond.
 */
@Component
class CrisisDetector {

	private static final Logger log = LoggerFactory.getLogger(CrisisDetector.class);

	private final List<PhraseBook> books;

	CrisisDetector() {
		this(new PhraseFiles().readAll());
	}

	CrisisDetector(List<PhraseBook> books) {
		this.books = List.copyOf(books);
		for (PhraseBook book : books) {
			log.info("Crisis phrases for '{}': {} families, {} phrases, {} idioms", book.language(),
					book.families().size(), book.phrases(), book.idioms());
		}
	}

	CrisisSignal read(String text) {
		String body = text == null ? "" : text;
		return new CrisisSignal(books.stream().map(book -> book.read(body)).toList());
	}

	/** The languages that have phrase files. */
	Set<String> languages() {
		TreeSet<String> languages = new TreeSet<>();
		books.forEach(book -> languages.add(book.language()));
		return languages;
	}

	List<PhraseBook> books() {
		return books;
	}
}
