package org.reconnect.flows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.reconnect.system.UnicodeText;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * How people answer a yes/no question, read from {@code answers/answers_<language>.txt}: the
 * words of every language, because people answer in the words they have. A reply is read from its
 * start: at each word the longest phrase that begins there decides; a {@code lead} phrase ("honestly",
 * "la verdad") is passed over, anything else is the answer. Words typed with letters over and over
 * ("yesss") are read with each letter once when they are not known as typed.
 */
final class Answers {

	/** What a reply says to a yes/no question. */
	enum Kind {
		YES, NO, SOMEWHAT
	}

	private static final String FILES = "classpath*:answers/answers_*.txt";
	private static final Answers SHIPPED = load(FILES);

	/** Every answer phrase, as its words joined by one space, with what it says. */
	private final Map<String, Kind> phrases;
	/** Phrases passed over before the answer. */
	private final Set<String> leads;
	private final int longest;

	private Answers(Map<String, Kind> phrases, Set<String> leads) {
		this.phrases = Map.copyOf(phrases);
		this.leads = Set.copyOf(leads);
		this.longest = Stream.concat(phrases.keySet().stream(), leads.stream())
			.mapToInt(p -> p.split(" ").length).max().orElse(1);
	}

	static Answers shipped() {
		return SHIPPED;
	}

	/** What the reply answers, or empty when it is no answer we know (a question, a story, a name). */
	Optional<Kind> read(String reply) {
		List<String> words = Matcher.Text.words(reply).stream().map(UnicodeText::plainEmoji).toList();
		int at = 0;
		while (at < words.size()) {
			Found found = longestAt(words, at);
			if (found == null) {
				return Optional.empty();
			}
			if (found.kind() != null) {
				return Optional.of(found.kind());
			}
			at += found.length();
		}
		return Optional.empty();
	}

	private Found longestAt(List<String> words, int at) {
		for (int length = Math.min(longest, words.size() - at); length > 0; length--) {
			List<String> span = words.subList(at, at + length);
			Found found = lookUp(String.join(" ", span), length);
			if (found == null) {
				found = lookUp(String.join(" ", span.stream().map(Answers::lettersOnce).toList()), length);
			}
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private Found lookUp(String phrase, int length) {
		Kind kind = phrases.get(phrase);
		if (kind != null) {
			return new Found(kind, length);
		}
		return leads.contains(phrase) ? new Found(null, length) : null;
	}

	private record Found(Kind kind, int length) {
	}

	/** "yesss" as "yes", "siii" as "si", "noooo" as "no". */
	private static String lettersOnce(String word) {
		return word.replaceAll("(\\p{L})\\1+", "$1");
	}

	static Answers load(String pattern) {
		Map<String, Kind> phrases = new HashMap<>();
		Set<String> leads = new HashSet<>();
		try {
			for (Resource file : new PathMatchingResourcePatternResolver().getResources(pattern)) {
				try (InputStream in = file.getInputStream()) {
					readInto(new String(in.readAllBytes(), StandardCharsets.UTF_8), file.getFilename(), phrases, leads);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + pattern, ex);
		}
		if (phrases.isEmpty()) {
			throw new IllegalStateException("no answers found at " + pattern);
		}
		return new Answers(phrases, leads);
	}

	private static void readInto(String text, String file, Map<String, Kind> phrases, Set<String> leads) {
		String section = null;
		List<String> lines = new ArrayList<>(List.of(text.split("\\R")));
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("[") && line.endsWith("]")) {
				section = line.substring(1, line.length() - 1);
				if (!section.equals("lead") && !List.of("yes", "no", "somewhat").contains(section)) {
					throw new IllegalStateException(file + ":" + (i + 1) + ": unknown heading [" + section
							+ "]; use [lead], [yes], [no] or [somewhat]");
				}
				continue;
			}
			if (section == null) {
				throw new IllegalStateException(file + ":" + (i + 1) + ": a phrase before any heading");
			}
			String phrase = String.join(" ", Matcher.Text.words(line).stream().map(UnicodeText::plainEmoji).toList());
			if (section.equals("lead")) {
				leads.add(phrase);
				continue;
			}
			Kind kind = Kind.valueOf(section.toUpperCase(Locale.ROOT));
			Kind before = phrases.putIfAbsent(phrase, kind);
			if (before != null && before != kind) {
				throw new IllegalStateException(file + ":" + (i + 1) + ": '" + line + "' is under [" + section
						+ "] and also under [" + before.name().toLowerCase(Locale.ROOT) + "]");
			}
		}
	}
}
