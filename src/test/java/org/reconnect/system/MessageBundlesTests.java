package org.reconnect.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Every bundle under messages/ says the same things in every language: each key of one language's
 * file is in every other's (a missing one falls back to the base file, so a Spanish reader would get
 * English), and a text carries the same values in every language ({0}, {1}, ... or {participant},
 * ...). A choice selector ({1,choice,...}) is grammar, a plural or a gender, and is not counted.
 */
class MessageBundlesTests {

	/** "alerts_es.properties": the purpose, then the language tag (es, pt_BR). */
	private static final Pattern FILE = Pattern.compile("(.+?)(?:_([a-z]{2,3}(?:_[A-Z]{2})?))?\\.properties");

	/** A value in a text: {0}, {1,number}, {participant}; not a choice selector. */
	private static final Pattern VALUE = Pattern.compile("\\{\\s*(\\d+|[a-z_]+)\\s*(?:,\\s*(\\w+))?");

	@Test
	void everyLanguageOfEveryBundleHasEveryKeyWithTheSameValues() throws IOException {
		Map<String, Map<String, Properties>> bundles = bundles();
		assertThat(bundles).containsKeys("keywords", "consent", "alerts", "reminders", "crisis");
		List<String> problems = new ArrayList<>();
		bundles.forEach((bundle, languages) -> problems.addAll(differences(bundle, languages)));
		assertThat(problems).as("keys or values that differ between languages").isEmpty();
	}

	/**
	 * Words a person types back, written in upper case in the English texts, that have their own
	 * Spanish words (PARAR AVISOS, AYUDA, REANUDAR, PAUSA, ALIADO, QUITAR, SÍ, HECHO, SALTAR).
	 * STOP and START are the carriers' words in every language and are not listed.
	 */
	private static final Pattern ENGLISH_COMMAND = Pattern.compile(
			"\\b(STOP|START|HELP|RESUME|PAUSE|ALLY|REMOVE|YES|DONE|SKIP|TOO MUCH)\\b");

	/** The bundles whose texts reach participants and allies by message, not the console's. */
	private static final Set<String> READ_BY_TEXT = Set.of("alerts", "check-ins", "consent", "conversations", "crisis",
			"keywords", "participants", "reminders", "schedules", "web-chat");

	@Test
	void aSpanishTextNeverAsksForAnEnglishWord() throws IOException {
		List<String> english = new ArrayList<>();
		Map<String, Map<String, Properties>> bundles = bundles();
		assertThat(bundles).containsKeys(READ_BY_TEXT.toArray(String[]::new));
		bundles.forEach((bundle, languages) -> {
			Properties spanish = languages.get("es");
			if (READ_BY_TEXT.contains(bundle) && spanish != null) {
				spanish.stringPropertyNames().stream().sorted()
					.filter(key -> ENGLISH_COMMAND.matcher(spanish.getProperty(key)).find())
					.forEach(key -> english.add(bundle + "_es: " + key + " = " + spanish.getProperty(key)));
			}
		});
		try (var flows = java.nio.file.Files.list(java.nio.file.Path.of("conversation-flows"))) {
			for (java.nio.file.Path flow : flows.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
				for (String line : java.nio.file.Files.readAllLines(flow)) {
					if (line.strip().startsWith("es:") && ENGLISH_COMMAND.matcher(line).find()) {
						english.add(flow.getFileName() + ": " + line.strip());
					}
				}
			}
		}
		assertThat(english).as("Spanish texts asking for an English word").isEmpty();
	}

	@Test
	void theCheckNamesAMissingKeyAndADroppedValue() {
		Properties english = new Properties();
		english.setProperty("keyword.stop", "You won''t get any more messages from {0}.");
		english.setProperty("keyword.help", "Help.");
		english.setProperty("schedule.at", " at {0}");
		Properties spanish = new Properties();
		spanish.setProperty("keyword.stop", "Ya no recibirás más mensajes.");
		spanish.setProperty("schedule.at", "{1,choice,0#\\ a las {0}|1#\\ a la {0}|1<\\ a las {0}}");
		assertThat(differences("keywords", Map.of("", english, "es", spanish))).containsExactlyInAnyOrder(
				"keywords: keyword.help is in the base file and not in es",
				"keywords: keyword.stop has values [0] in the base file and [] in es");
	}

	@Test
	void theLengthCheckGivesTheSegmentsOfEachSmsTextPerLanguage() {
		Properties english = new Properties();
		english.setProperty("check-in.question", "How are you today, {0}? Reply 1-5. " + "x".repeat(122));
		english.setProperty("check-in.email.body", "y".repeat(400));
		Properties spanish = new Properties();
		spanish.setProperty("check-in.question", "¿Cómo estás hoy, {0}? Responde 1-5.");
		spanish.setProperty("check-in.email.body", "y".repeat(400));
		Properties page = new Properties();
		page.setProperty("chat.title", "z".repeat(400));
		assertThat(BundleLengths.warnings(Map.of("check-ins", Map.of("", english, "es", spanish), "web-chat", Map.of("", page))))
			.containsExactly("check-ins: check-in.question (base): 2 SMS segments (163 GSM-7 characters)");
		spanish.setProperty("check-in.question", "¿Cómo estás hoy, {0}? Responde del 1 al 5: 1 es muy mal, 5 es muy bien.");
		assertThat(BundleLengths.warnings(Map.of("check-ins", Map.of("es", spanish)))).containsExactly(
				"check-ins: check-in.question (es): 2 SMS segments (77 UCS-2 characters, because of 'ó', 'á', which GSM-7 lacks)");
	}

	@Test
	void aChoiceIsMeasuredWithItsPluralAndNamedValuesWithASampleName() {
		assertThat(BundleLengths.sample("{0,choice,1#one time|1<{0} times} for {1}, {participant}", "es"))
			.isEqualTo("2 times for Alexandra, Alexandra");
	}

	@Test
	void noTextAPersonReceivesBySmsTakesMoreSegmentsThanCarriersReassemble() {
		// many carriers reassemble at most 10 parts; the crisis texts in Spanish take 4
		assertThat(BundleLengths.warnings(BundleLengths.bundles()))
			.noneMatch(w -> w.matches(".*: ([1-9]\\d+) SMS segments .*"));
	}

	/** Each bundle's files by language ("" for the base file). */
	static Map<String, Map<String, Properties>> bundles() throws IOException {
		Map<String, Map<String, Properties>> bundles = new TreeMap<>();
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties")) {
			Matcher name = FILE.matcher(file.getFilename());
			assertThat(name.matches()).as(file.getFilename()).isTrue();
			bundles.computeIfAbsent(name.group(1), b -> new TreeMap<>())
				.put(name.group(2) == null ? "" : name.group(2),
						PropertiesLoaderUtils.loadProperties(new EncodedResource(file, StandardCharsets.UTF_8)));
		}
		return bundles;
	}

	static List<String> differences(String bundle, Map<String, Properties> languages) {
		List<String> problems = new ArrayList<>();
		Set<String> keys = new TreeSet<>();
		languages.values().forEach(texts -> keys.addAll(texts.stringPropertyNames()));
		for (String key : keys) {
			Map<String, Set<String>> values = new TreeMap<>();
			languages.forEach((language, texts) -> {
				String text = texts.getProperty(key);
				if (text == null) {
					String holder = languages.entrySet().stream().filter(e -> e.getValue().containsKey(key))
						.map(e -> e.getKey().isEmpty() ? "the base file" : e.getKey()).findFirst().orElseThrow();
					problems.add(bundle + ": " + key + " is in " + holder + " and not in "
							+ (language.isEmpty() ? "the base file" : language));
				}
				else {
					values.put(language, values(text));
				}
			});
			if (values.values().stream().distinct().count() > 1) {
				var first = values.entrySet().iterator().next();
				values.forEach((language, these) -> {
					if (!these.equals(first.getValue())) {
						problems.add(bundle + ": " + key + " has values " + first.getValue() + " in "
								+ (first.getKey().isEmpty() ? "the base file" : first.getKey()) + " and " + these + " in "
								+ language);
					}
				});
			}
		}
		return problems;
	}

	private static Set<String> values(String text) {
		Set<String> values = new TreeSet<>();
		Matcher value = VALUE.matcher(text);
		while (value.find()) {
			if (!"choice".equals(value.group(2))) {
				values.add(value.group(1));
			}
		}
		return values;
	}
}
