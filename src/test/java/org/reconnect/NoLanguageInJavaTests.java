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
 * {@code Set.of("en", "es")}, {@code case "es"}): the words are bundle data under messages/ and the
 * languages offered a setting, so a third language is a folder of files, not a change to Java.
 */
class NoLanguageInJavaTests {

	/** The languages the texts are written in: those of keywords/keywords_<lang>.txt and messages/*_<lang>.properties. */
	private static final Set<String> LANGUAGE_CODES = languages();

	/** A lower-case two-letter literal compared, switched on or listed as a set. */
	private static final Pattern COMPARED = Pattern.compile(
			"\"([a-z]{2})\"\\s*\\.equals|equals(?:IgnoreCase)?\\(\\s*\"([a-z]{2})\"\\s*\\)|case\\s+\"([a-z]{2})\"|"
					+ "Set\\.of\\([^)]*\"([a-z]{2})\"|contains\\(\\s*\"([a-z]{2})\"\\s*\\)|==\\s*\"([a-z]{2})\"");

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
