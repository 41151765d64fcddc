package org.reconnect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What must never be in a log line: a phone number in E.164 (also URL-encoded) other than the
 * program's own senders, a test participant's number in national form, or a piece of a message
 * text (from the shipped flows, their test transcripts and the alert texts) long enough to be
 * recognised.
 */
final class LogLeaks {

	private static final Pattern E164 = Pattern.compile("(?<![\\w*])(?:\\+|%2B|%2b)(\\d{8,15})(?!\\d)");
	private static final Pattern TEST_NUMBER = Pattern.compile("\"\\+1(\\d{10})\"");
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");
	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!])\\s+");
	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
	private static final int SHORTEST_FRAGMENT = 20;

	private final Set<String> senders;
	private final List<Pattern> nationalNumbers;
	private final Set<String> texts;

	LogLeaks(Set<String> senders, Set<String> testNumbers, Set<String> texts) {
		this.senders = senders;
		this.nationalNumbers = testNumbers.stream().map(LogLeaks::national).toList();
		this.texts = texts;
	}

	/**
	 * The shipped texts (flows and alerts) and every US number written in the test sources.
	 *
	 * @param senders the program's own numbers, which may be logged
	 */
	static LogLeaks of(Set<String> senders, Path flows, Path alerts, Path testSources) {
		Set<String> texts = new LinkedHashSet<>();
		Set<String> numbers = new LinkedHashSet<>();
		for (Path file : files(flows, ".yaml")) {
			// Jackson 3 reports a file it cannot read with an unchecked exception
			collectTexts(new YAMLMapper().readTree(file.toFile()), null, texts);
		}
		// The alert texts: messages/alerts.properties and its languages beside it.
		for (Path file : files(alerts, ".properties").stream()
			.filter(f -> f.getFileName().toString().startsWith("alerts"))
			.toList()) {
			Properties properties = new Properties();
			try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			properties.values().forEach(text -> fragments(text.toString(), texts));
		}
		for (Path file : files(testSources, ".java")) {
			Matcher number = TEST_NUMBER.matcher(read(file));
			while (number.find()) {
				numbers.add(number.group(1));
			}
		}
		return new LogLeaks(senders, numbers, texts);
	}

	/** What in this line must not be there, if anything. */
	Optional<String> find(String line) {
		Matcher e164 = E164.matcher(line);
		while (e164.find()) {
			if (!senders.contains("+" + e164.group(1))) {
				return Optional.of("a phone number (" + e164.group() + ")");
			}
		}
		for (Pattern national : nationalNumbers) {
			Matcher found = national.matcher(line);
			if (found.find()) {
				return Optional.of("a test participant's number (" + found.group() + ")");
			}
		}
		for (String text : texts) {
			if (line.contains(text)) {
				return Optional.of("a message text (\"" + text + "\")");
			}
		}
		return Optional.empty();
	}

	int texts() {
		return texts.size();
	}

	int testNumbers() {
		return nationalNumbers.size();
	}

	/** 2025550111 as it may be written: 2025550111, 202-555-0111, (202) 555-0111, 202.555.0111. */
	private static Pattern national(String digits) {
		return Pattern.compile("(?<!\\d)\\(?" + digits.substring(0, 3) + "\\)?[ .-]?" + digits.substring(3, 6) + "[ .-]?"
				+ digits.substring(6) + "(?!\\d)");
	}

	/**
	 * The values of language maps ({@code en: ..., es: ...}) anywhere in a flow, and what a flow
	 * test transcript sends and expects.
	 */
	private static void collectTexts(JsonNode node, String field, Set<String> texts) {
		if (node.isTextual() && field != null
				&& (LANGUAGE.matcher(field).matches() || "send".equals(field) || "expect".equals(field))) {
			fragments(node.asText(), texts);
		}
		for (Map.Entry<String, JsonNode> child : node.properties()) {
			collectTexts(child.getValue(), child.getKey(), texts);
		}
		if (node.isArray()) {
			node.forEach(element -> collectTexts(element, field, texts));
		}
	}

	/**
	 * The parts of a text between its placeholders, and their sentences, that are long enough to
	 * be told apart: a log line that quotes only part of a message is found too.
	 */
	private static void fragments(String text, Set<String> texts) {
		for (String part : PLACEHOLDER.split(text)) {
			add(part, texts);
			for (String sentence : SENTENCE_END.split(part)) {
				add(sentence, texts);
			}
		}
	}

	private static void add(String fragment, Set<String> texts) {
		String stripped = fragment.strip();
		if (stripped.length() >= SHORTEST_FRAGMENT) {
			texts.add(stripped);
		}
	}

	private static List<Path> files(Path root, String suffix) {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Lines of a log file; a file that is not UTF-8 throughout is read byte for byte. */
	static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (java.nio.charset.MalformedInputException ex) {
			try {
				return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
			}
			catch (IOException again) {
				throw new UncheckedIOException(again);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
