package org.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No main class chooses words by comparing a language code ({@code "es".equals(language)},
 * {@code Set.of("en", "es")}, {@code case "es"}), falls back to one ({@code language == null ? "en"
 * : language}), or lists the phrases a person types ({@code List.of("talk to someone", ...)}): the
 * words are bundle data under messages/ (or keywords/), and the languages offered a setting, so a
 * third language is a folder of files, not a change to Java.
 */
class NoLanguageInJavaTests {

	/** The languages the texts are written in: those of keywords/keywords_<lang>.txt and messages/*_<lang>.properties. */
	private static final Set<String> LANGUAGE_CODES = languages();

	/** A lower-case two-letter literal compared, switched on or listed as a set. */
	private static final Pattern COMPARED = Pattern.compile(
			"\"([a-z]{2})\"\\s*\\.equals|equals(?:IgnoreCase)?\\(\\s*\"([a-z]{2})\"\\s*\\)|case\\s+\"([a-z]{2})\"|"
					+ "Set\\.of\\([^)]*\"([a-z]{2})\"|contains\\(\\s*\"([a-z]{2})\"\\s*\\)|==\\s*\"([a-z]{2})\"");

	/**
	 * A language code as the fallback value ({@code language == null ? "en" : language},
	 * {@code getOrDefault(key, "en")}, {@code orElse("en")}): the default is the first configured language.
	 */
	private static final Pattern FALLBACK = Pattern.compile(
			"\\?\\s*\"([a-z]{2})\"\\s*:|:\\s*\"([a-z]{2})\"\\s*[);,]|getOrDefault\\([^;]*,\\s*\"([a-z]{2})\"\\s*\\)|"
					+ "orElse\\(\\s*\"([a-z]{2})\"\\s*\\)");

	/** Lists and arrays of literals in Java ({@code List.of("talk to someone", "call me")}), over several lines. */
	private static final Pattern LISTED = Pattern.compile(
			"(?:List|Set|Stream|Map)\\.of\\(([^)]*)\\)|Arrays\\.asList\\(([^)]*)\\)|new String\\[\\]\\s*\\{([^}]*)\\}");

	private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

	/** Words a person types: lower-case words with spaces between them ("talk to someone", "hablar con alguien"). */
	private static final Pattern PHRASE = Pattern.compile("[\\p{Ll}']+(?: [\\p{Ll}']+)+");

	/**
	 * Where a language code in Java is the meaning of a format, not a choice of words: version 1 of
	 * the flow format meant English when a file named no default_language, and a migration keeps
	 * what an old file meant.
	 */
	private static final Set<String> FORMAT_DEFAULTS = Set.of("FlowMigrations.java");

	@Test
	void noMainClassComparesALanguageCode() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				found.addAll(comparisons(file.toString(), Files.readAllLines(file)));
			}
		}
		assertThat(found).as("language codes compared in Java: move the words to messages/ bundles").isEmpty();
	}

	@Test
	void noMainClassFallsBackToALanguageCode() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				if (!FORMAT_DEFAULTS.contains(file.getFileName().toString())) {
					found.addAll(fallbacks(file.toString(), Files.readAllLines(file)));
				}
			}
		}
		assertThat(found).as("a language code as a fallback in Java: fall back to the first configured language "
				+ "(reconnect.participants.languages)").isEmpty();
	}

	@Test
	void noMainClassListsTheWordsAPersonTypes() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				found.addAll(phraseLists(file.toString(), Files.readString(file)));
			}
		}
		assertThat(found).as("phrases a person types, listed in Java: put them in the language's bundle "
				+ "(messages/*_<lang>.properties) or keywords/keywords_<lang>.txt").isEmpty();
	}

	@Test
	void theChecksFindAFallbackAndAPhraseList() {
		assertThat(fallbacks("A.java", List.of("String sid = templates.get(language == null ? \"en\" : language);",
				"String l = (String) who.getOrDefault(\"language\", \"es\");", "return found.orElse(\"en\");",
				"String zone = who.getOrDefault(\"zone\", \"America/New_York\");", "x ? \"ok\" : \"no\";")))
			.hasSize(3);
		assertThat(phraseLists("A.java", """
				private static final List<String> PHRASES = List.of("coach", "talk to someone",
						"talk to a person", "hablar con alguien", "llamame");
				""")).containsExactly("A.java:1: talk to someone, talk to a person, hablar con alguien");
		assertThat(phraseLists("B.java", "List.of(\"spec_version\", \"name\"); List.of(\"Invalid input: send a name\", \"x\");"))
			.isEmpty();
	}

	@Test
	void theCheckFindsTheWaysALanguageIsCompared() {
		assertThat(comparisons("A.java", List.of("boolean es = \"es\".equals(language);",
				"if (language.equals(\"en\")) {", "case \"es\" -> x;", "static final Set<String> L = Set.of(\"en\", \"es\");",
				"word.equals(\"NO\")", "String sep = \"ab\".equals(x) ? 1 : 2;"))).hasSize(4);
	}

	private static Set<String> languages() {
		Set<String> languages = new java.util.TreeSet<>();
		Pattern tagged = Pattern.compile(".+_([a-z]{2,3})\\.(?:txt|properties)");
		for (String dir : List.of("src/main/resources/keywords", "src/main/resources/messages")) {
			try (Stream<Path> files = Files.list(Path.of(dir))) {
				files.map(f -> tagged.matcher(f.getFileName().toString()))
					.filter(Matcher::matches)
					.forEach(m -> languages.add(m.group(1)));
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		assertThat(languages).contains("en", "es");
		return Set.copyOf(languages);
	}

	static List<String> fallbacks(String file, List<String> lines) {
		List<String> found = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher fallback = FALLBACK.matcher(lines.get(i));
			while (fallback.find()) {
				for (int group = 1; group <= fallback.groupCount(); group++) {
					String code = fallback.group(group);
					if (code != null && LANGUAGE_CODES.contains(code)) {
						found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
					}
				}
			}
		}
		return found;
	}

	/** Each list of two or more phrases, with its line and the phrases. */
	static List<String> phraseLists(String file, String source) {
		List<String> found = new ArrayList<>();
		Matcher listed = LISTED.matcher(source);
		while (listed.find()) {
			String body = listed.group(1) != null ? listed.group(1) : listed.group(2) != null ? listed.group(2) : listed.group(3);
			List<String> phrases = new ArrayList<>();
			Matcher literal = LITERAL.matcher(body);
			while (literal.find()) {
				if (PHRASE.matcher(literal.group(1)).matches()) {
					phrases.add(literal.group(1));
				}
			}
			if (phrases.size() >= 2) {
				int line = (int) source.substring(0, listed.start()).chars().filter(c -> c == '\n').count() + 1;
				found.add(file + ":" + line + ": " + String.join(", ", phrases.subList(0, Math.min(3, phrases.size()))));
			}
		}
		return found;
	}

	static List<String> comparisons(String file, List<String> lines) {
		List<String> found = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher compared = COMPARED.matcher(lines.get(i));
			while (compared.find()) {
				for (int group = 1; group <= compared.groupCount(); group++) {
					String code = compared.group(group);
					if (code != null && LANGUAGE_CODES.contains(code)) {
						found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
					}
				}
			}
		}
		return found;
	}
}
