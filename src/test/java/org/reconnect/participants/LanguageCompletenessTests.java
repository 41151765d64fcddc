package org.reconnect.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.Yaml;

/**
 * A language offered to people (reconnect.participants.languages) is complete: each step of
 * "Adding a language" (docs/languages.md) is checked, and what is missing is named with the file to
 * add, so that following the steps for a new language says what is left to do.
 */
class LanguageCompletenessTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path FLOWS = Path.of("conversation-flows");

	@Test
	void everyOfferedLanguageHasItsBundlesFlowTextsKeywordsAndCrisisResources() throws IOException {
		List<String> offered = offered();
		assertThat(offered).contains("en", "es");
		List<String> missing = new ArrayList<>();
		for (String language : offered) {
			missing.addAll(missing(language, RESOURCES, FLOWS));
		}
		assertThat(missing).as("what an offered language still lacks").isEmpty();
	}

	@Test
	void aLanguageWithNothingYetIsToldEachFileToAdd() throws IOException {
		List<String> missing = missing("pt", RESOURCES, FLOWS);
		assertThat(missing).contains(
				"pt: add src/main/resources/messages/keywords_pt.properties (every key of keywords.properties)",
				"pt: add src/main/resources/messages/crisis_pt.properties (every key of crisis.properties)",
				"pt: add src/main/resources/messages/problems_pt.properties (every key of problems.properties)",
				"pt: add src/main/resources/ValidationMessages_pt.properties (every key of ValidationMessages.properties: "
						+ "what the API and the console say of a refused field)",
				"pt: add src/main/resources/keywords/keywords_pt.txt (the STOP, START and HELP words)",
				"pt: add the folder src/main/resources/crisis/pt/ like crisis/es/ (crisis phrases; clinical content: have it reviewed)",
				"pt: add pt to languages: in conversation-flows/daily-checkin.yaml, and a pt: text beside each en: one");
	}

	@Test
	void aBundleThatSaysItIsWrittenInAnotherLanguageIsNamed() throws IOException {
		Path scratch = Files.createTempDirectory("languages");
		Path messages = Files.createDirectories(scratch.resolve("messages"));
		Files.writeString(messages.resolve("crisis.properties"), "crisis.language=en\n");
		// copied from the Spanish file and not yet changed
		Files.writeString(messages.resolve("crisis_pt.properties"), "crisis.language=es\n");
		Files.createDirectories(scratch.resolve("keywords"));
		Files.writeString(scratch.resolve("keywords/keywords_pt.txt"), "stop: parar\n");
		Files.createDirectories(scratch.resolve("crisis/pt"));
		Path flows = Files.createDirectories(scratch.resolve("flows"));
		assertThat(missing("pt", scratch, flows)).containsExactly(
				"pt: messages/crisis_pt.properties says crisis.language=es: write crisis.language=pt");
	}

	/** What the language lacks, a line each, naming the file to add or change. */
	static List<String> missing(String language, Path resources, Path flows) throws IOException {
		List<String> missing = new ArrayList<>();
		Path messages = resources.resolve("messages");
		try (Stream<Path> files = Files.list(messages)) {
			for (Path base : files.filter(f -> f.getFileName().toString().matches("[a-z-]+\\.properties")).sorted().toList()) {
				String purpose = base.getFileName().toString().replace(".properties", "");
				Properties baseTexts = load(base);
				String baseLanguage = writtenIn(baseTexts);
				if (language.equals(baseLanguage) || (baseLanguage == null && language.equals(firstOffered()))) {
					continue;
				}
				Path own = messages.resolve(purpose + "_" + language + ".properties");
				if (!Files.exists(own)) {
					missing.add(language + ": add " + resources.resolve("messages").resolve(own.getFileName()) + " (every key of "
							+ purpose + ".properties)");
					continue;
				}
				String says = writtenIn(load(own));
				if (says != null && !says.equals(language)) {
					String key = baseTexts.stringPropertyNames().stream().filter(k -> k.endsWith(".language")).findFirst()
						.orElse(purpose + ".language");
					missing.add(language + ": messages/" + own.getFileName() + " says " + key + "=" + says + ": write " + key
							+ "=" + language);
				}
			}
		}
		if (!language.equals(firstOffered()) && Files.exists(resources.resolve("ValidationMessages.properties"))
				&& !Files.exists(resources.resolve("ValidationMessages_" + language + ".properties"))) {
			missing.add(language + ": add " + resources.resolve("ValidationMessages_" + language + ".properties")
					+ " (every key of ValidationMessages.properties: what the API and the console say of a refused field)");
		}
		if (!Files.exists(resources.resolve("keywords/keywords_" + language + ".txt"))) {
			missing.add(language + ": add " + resources.resolve("keywords/keywords_" + language + ".txt")
					+ " (the STOP, START and HELP words)");
		}
		if (!Files.isDirectory(resources.resolve("crisis/" + language))) {
			missing.add(language + ": add the folder " + resources.resolve("crisis/" + language)
					+ "/ like crisis/es/ (crisis phrases; clinical content: have it reviewed)");
		}
		try (Stream<Path> files = Files.list(flows)) {
			for (Path flow : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
				Map<String, Object> tree = new Yaml().load(Files.readString(flow));
				Object languages = tree == null ? null : tree.get("languages");
				if (!(languages instanceof List<?> list) || !list.contains(language)) {
					missing.add(language + ": add " + language + " to languages: in " + flow + ", and a " + language
							+ ": text beside each en: one");
				}
			}
		}
		return missing;
	}

	/** The language a bundle says it is written in ({@code <purpose>.language}), if it says. */
	private static String writtenIn(Properties texts) {
		return texts.stringPropertyNames().stream().filter(k -> k.endsWith(".language"))
			.map(texts::getProperty).findFirst().orElse(null);
	}

	private static Properties load(Path file) throws IOException {
		Properties texts = new Properties();
		try (var reader = Files.newBufferedReader(file)) {
			texts.load(reader);
		}
		return texts;
	}

	/** reconnect.participants.languages as application.yml sets it, or the settings' default. */
	static List<String> offered() throws IOException {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application",
				new FileSystemResource(RESOURCES.resolve("application.yml")));
		return new Binder(ConfigurationPropertySources.from(sources))
			.bindOrCreate("reconnect.participants", ParticipantSettings.class)
			.languages();
	}

	private static String firstOffered() {
		try {
			return offered().get(0);
		}
		catch (IOException e) {
			return null;
		}
	}
}
