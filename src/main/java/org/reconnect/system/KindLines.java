package org.reconnect.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;

/**
 * The word files people's phrasings live in ({@code keywords/}, {@code acknowledgements/}): a line is
 * {@code kind: value}, blank lines and lines starting with {@code #} are left out. Each reader decides
 * what its kinds mean; a line it does not know is refused with the file and line named.
 */
public final class KindLines {

	private KindLines() {
	}

	/** One line of a word file: where it is, its kind and what follows the colon. */
	public record KindLine(String file, int number, String kind, String value) {

		/** The refusal of a line whose kind the reader does not know, naming the file, the line and what it expected. */
		public IllegalStateException unknown(String expected) {
			return new IllegalStateException(file + " line " + number + ": unknown kind '" + kind + "': " + expected);
		}
	}

	/** Every kind line of the file, in order; a line without a colon is refused. */
	public static List<KindLine> read(Resource file) {
		String text;
		try {
			text = new String(file.getContentAsByteArray(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file.getDescription(), ex);
		}
		List<KindLine> lines = new ArrayList<>();
		int number = 0;
		for (String line : text.split("\\R")) {
			number++;
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int colon = trimmed.indexOf(':');
			if (colon < 0) {
				throw new IllegalStateException(file.getFilename() + " line " + number
						+ ": expected 'kind: value', e.g. 'stop: stop quit'");
			}
			lines.add(new KindLine(file.getFilename(), number, trimmed.substring(0, colon).strip(),
					trimmed.substring(colon + 1).strip()));
		}
		return lines;
	}
}
