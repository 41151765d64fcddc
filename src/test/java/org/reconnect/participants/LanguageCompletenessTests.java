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
		// Portuguese, as docs/languages.md adds it; once it is added, the next language not yet begun
		String language = java.util.stream.Stream.of("pt", "fr", "it", "de", "qaa")
			.filter(l -> !Files.exists(RESOURCES.resolve("keywords/keywords_" + l + ".txt")))
			.findFirst()
			.orElseThrow();
		List<String> missing = missing(language, RESOURCES, FLOWS);
		assertThat(missing).contains(
				language + ": add src/main/resources/messages/keywords_" + language
						+ ".properties (every key of keywords.properties)",
				language + ": add src/main/resources/messages/crisis_" + language + ".properties (every key of crisis.properties)",
				language + ": add src/main/resources/messages/problems_" + language
						+ ".properties (every key of problems.properties)",
				language + ": add src/main/resources/ValidationMessages_" + language
						+ ".properties (every key of ValidationMessages.properties: what the API and the console say of a refused field)",
				language + ": add src/main/resources/keywords/keywords_" + language + ".txt (the STOP, START and HELP words)",
				language + ": add the folder src/main/resources/crisis/" + language
						+ "/ like crisis/es/ (crisis phrases; clinical content: have it reviewed)",
				language + ": add " + language + " to languages: in conversation-flows/daily-checkin.yaml, and a " + language
						+ ": text beside each en: one");
	}

	@Test
	void aLabelEndingInLanguageIsNotTakenForTheBundlesLanguage() throws IOException {
		Path scratch = Files.createTempDirectory("languages");
		Path messages = Files.createDirectories(scratch.resolve("messages"));
		Files.writeString(messages.resolve("console.properties"), "enrol.language=Language\nconsole.language=en\n");
		// translated as asked: the label in Portuguese, the bundle's language pt
		Files.writeString(messages.resolve("console_pt.properties"), "enrol.language=Idioma\nconsole.language=pt\n");
		Files.createDirectories(scratch.resolve("keywords"));
		Files.writeString(scratch.resolve("keywords/keywords_pt.txt"), "stop: parar\n");
		Files.createDirectories(scratch.resolve("crisis/pt"));
		Path flows = Files.createDirectories(scratch.resolve("flows"));
		assertThat(missing("pt", scratch, flows)).isEmpty();
		Files.writeString(messages.resolve("console_pt.properties"), "enrol.language=Idioma\nconsole.language=es\n");
		assertThat(missing("pt", scratch, flows)).containsExactly(
				"pt: messages/console_pt.properties says console.language=es: write console.language=pt");
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

	@Test
	void validationMessagesWithAKeyMissingOrAnotherParameterAreNamed() throws IOException {
		Path scratch = Files.createTempDirectory("languages");
		Files.createDirectories(scratch.resolve("messages"));
		Files.createDirectories(scratch.resolve("keywords"));
		Files.writeString(scratch.resolve("keywords/keywords_pt.txt"), "stop: parar\n");
		Files.createDirectories(scratch.resolve("crisis/pt"));
		Path flows = Files.createDirectories(scratch.resolve("flows"));
		Files.writeString(scratch.resolve("ValidationMessages.properties"),
				"jakarta.validation.constraints.Size.message=is too long: at most {max} characters\n"
						+ "reconnect.items.message=has too many items: at most {max}\n");
		Files.writeString(scratch.resolve("ValidationMessages_pt.properties"),
				"jakarta.validation.constraints.Size.message=é longo demais: no máximo {value} caracteres\n"
						+ "reconnect.extra=sobra\n");
		Path pt = scratch.resolve("ValidationMessages_pt.properties");
		assertThat(missing("pt", scratch, flows)).containsExactly(
				"pt: jakarta.validation.constraints.Size.message in " + pt + " says [value] where "
						+ "ValidationMessages.properties says [max]",
				"pt: add reconnect.items.message to " + pt + " (has too many items: at most {max})",
				"pt: reconnect.extra in " + pt + " is in no other language: remove it, or add it to ValidationMessages.properties");
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
				String key = languageKey(baseTexts);
				String says = key == null ? null : load(own).getProperty(key);
				if (says != null && !says.equals(language)) {
					missing.add(language + ": messages/" + own.getFileName() + " says " + key + "=" + says + ": write " + key
							+ "=" + language);
				}
			}
		}
		Path validation = resources.resolve("ValidationMessages.properties");
		Path ownValidation = resources.resolve("ValidationMessages_" + language + ".properties");
		if (!language.equals(firstOffered()) && Files.exists(validation) && !Files.exists(ownValidation)) {
			missing.add(language + ": add " + ownValidation
					+ " (every key of ValidationMessages.properties: what the API and the console say of a refused field)");
		}
		else if (!language.equals(firstOffered()) && Files.exists(validation)) {
			missing.addAll(unlike(language, load(validation), load(ownValidation), ownValidation));
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

	/**
	 * Bean Validation's words in {@code language} against the base file's: every key, each with the
	 * same parameters ({max}, {character}), as Hibernate Validator fills them in by name.
	 */
	private static List<String> unlike(String language, Properties base, Properties own, Path file) {
		List<String> unlike = new ArrayList<>();
		for (String key : new java.util.TreeSet<>(base.stringPropertyNames())) {
			String text = own.getProperty(key);
			if (text == null) {
				unlike.add(language + ": add " + key + " to " + file + " (" + base.getProperty(key) + ")");
			}
			else if (!parameters(text).equals(parameters(base.getProperty(key)))) {
				unlike.add(language + ": " + key + " in " + file + " says " + parameters(text) + " where "
						+ "ValidationMessages.properties says " + parameters(base.getProperty(key)));
			}
		}
		own.stringPropertyNames()
			.stream()
			.filter(key -> !base.containsKey(key))
			.sorted()
			.forEach(key -> unlike.add(language + ": " + key + " in " + file + " is in no other language: remove it, "
					+ "or add it to ValidationMessages.properties"));
		return unlike;
	}

	private static java.util.Set<String> parameters(String text) {
		java.util.Set<String> parameters = new java.util.TreeSet<>();
		java.util.regex.Matcher parameter = java.util.regex.Pattern.compile("\\{([^{}]+)}").matcher(text);
		while (parameter.find()) {
			parameters.add(parameter.group(1));
		}
		return parameters;
	}

	/** The language a bundle says it is written in ({@code <purpose>.language}), if it says. */
	private static String writtenIn(Properties texts) {
		String key = languageKey(texts);
		return key == null ? null : texts.getProperty(key);
	}

	/**
	 * The key that says which language a bundle is written in: one named {@code <x>.language} whose
	 * value is a language tag ({@code console.language=en}), not a label that happens to end so
	 * ({@code enrol.language=Language}).
	 */
	static String languageKey(Properties texts) {
		return texts.stringPropertyNames().stream()
			.filter(k -> k.endsWith(".language") && texts.getProperty(k).matches("[a-z]{2,3}(?:[-_][A-Z]{2})?"))
			.sorted()
			.findFirst()
			.orElse(null);
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
