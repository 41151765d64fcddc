package org.reconnect.escalation;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilterFactory;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the crisis phrase files of every language under {@code crisis/<language>/} on the
 * classpath (see docs/crisis.md): {@code language.properties} (the stemmer),
 * {@code characters.txt} (Lucene's character mapping format), {@code spelling.txt} (txt-speak
 * and slang, Solr synonym format), {@code filler.txt} and {@code known-words.txt} (a word a
 * line), {@code words.txt} (named word lists), {@code families/*.txt} (the phrases, precise or
 * broad) and {@code idioms.txt} (what explains a strong word harmlessly). A file that does not
 * read stops the start, naming the file and line: detection never runs half-loaded.
 */
final class PhraseFiles {

	static final String ROOT = "crisis";
	static final String IDIOMS = "idioms.txt";
	/** Snowball's own argument: a file of words it leaves as written. */
	static final String NOT_STEMMED = "stemmer.protected";

	private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
			PhraseFiles.class.getClassLoader());
	private final ResourceLoader lucene = new ClasspathResourceLoader(PhraseFiles.class.getClassLoader());

	/** Every language that has a {@code language.properties}, in name order. */
	List<PhraseBook> readAll() {
		Map<String, PhraseBook> books = new TreeMap<>();
		for (Resource settings : resources(ROOT + "/*/language.properties")) {
			String language = language(settings);
			books.put(language, read(language));
		}
		if (books.isEmpty()) {
			throw new IllegalStateException("no crisis phrase files under classpath:" + ROOT + "/<language>/");
		}
		return List.copyOf(books.values());
	}

	PhraseBook read(String language) {
		String dir = ROOT + "/" + language + "/";
		Properties settings = properties(dir + "language.properties");
		UnaryOperator<Reader> characters = characters(dir + "characters.txt");
		CrisisAnalyzer surface = CrisisAnalyzer.surface(characters);

		Map<String, String> families = new TreeMap<>();
		for (Resource file : resources(dir + "families/*.txt")) {
			families.put(file.getFilename().replaceFirst("\\.txt$", ""), text(file));
		}
		String spellingText = text(dir + "spelling.txt");
		String wordsText = text(dir + "words.txt");
		String fillerText = text(dir + "filler.txt");
		String idiomsText = text(dir + IDIOMS);
		Set<String> vocabulary = new HashSet<>();
		for (String content : families.values()) {
			vocabulary.addAll(surface.terms(patternWords(content)));
		}
		vocabulary.addAll(surface.terms(patternWords(wordsText)));
		vocabulary.addAll(surface.terms(patternWords(spellingText.replace("=>", " "))));
		vocabulary.addAll(surface.terms(patternWords(fillerText)));
		vocabulary.addAll(surface.terms(patternWords(idiomsText)));
		vocabulary.addAll(surface.terms(patternWords(text(dir + "known-words.txt"))));
		// Words the stemmer leaves as written ("more" is not "morir") are never corrected either.
		String notStemmed = settings.getProperty(NOT_STEMMED);
		if (notStemmed != null && !notStemmed.isBlank()) {
			vocabulary.addAll(surface.terms(patternWords(text(notStemmed.strip()))));
		}

		CrisisAnalyzer analyzer = new CrisisAnalyzer(characters, new SpellingVocabulary(vocabulary),
				spelling(dir + "spelling.txt", spellingText, surface),
				new CharArraySet(surface.terms(patternWords(fillerText)), false), stemmer(dir, settings));
		Map<String, List<String>> lists = lists(dir + "words.txt", wordsText);
		Map<String, List<String>> analysed = new HashMap<>();
		Function<String, List<String>> analyse = text -> analysed.computeIfAbsent(text, analyzer::terms);
		Map<String, PhraseBook.Family> read = new LinkedHashMap<>();
		List<Phrase.Variant> variants = new ArrayList<>();
		families.forEach((name, content) -> read.put(name, family(dir + "families/" + name + ".txt", name, content,
				analyse, lists, variants)));
		return new PhraseBook(language, analyzer, read, variants, idioms(dir + IDIOMS, idiomsText, analyse, lists));
	}

	/** Every line an idiom, in the phrase syntax: where it matches, no strong word (broad tier) counts. */
	static List<Phrase.Variant> idioms(String file, String content, Function<String, List<String>> analyse,
			Map<String, List<String>> lists) {
		List<Phrase.Variant> variants = new ArrayList<>();
		String[] lines = content.split("\n", -1);
		for (int number = 1; number <= lines.length; number++) {
			String line = lines[number - 1].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			try {
				if (line.startsWith("-")) {
					throw new IllegalArgumentException("every line here is an idiom: write it without '-'");
				}
				List<Phrase.Variant> compiled = Phrase.compile("idioms", line, true, analyse, lists);
				if (compiled.stream().anyMatch(variant -> variant.slots().size() < 2 && !(variant.atStart() && variant.atEnd()))) {
					throw new IllegalArgumentException("an idiom of one word would silence that word everywhere: "
							+ "write the harmless words around it, or ^ word $ for the word sent alone (an empty "
							+ "choice or a filler word may have left one)");
				}
				variants.addAll(compiled);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(file + " line " + number + ": " + ex.getMessage() + ": " + line, ex);
			}
		}
		return variants;
	}

	private static PhraseBook.Family family(String file, String name, String content, Function<String, List<String>> analyse,
			Map<String, List<String>> lists, List<Phrase.Variant> variants) {
		String source = null;
		CrisisResponse response = CrisisResponse.CRISIS;
		PhraseBook.Tier tier = PhraseBook.Tier.PRECISE;
		String[] lines = content.split("\n", -1);
		int phrases = 0;
		for (int number = 1; number <= lines.length; number++) {
			String line = lines[number - 1].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			try {
				if (line.startsWith("source:")) {
					source = line.substring("source:".length()).strip();
				}
				else if (line.startsWith("response:")) {
					response = CrisisResponse.of(line.substring("response:".length()));
				}
				else if (line.startsWith("tier:")) {
					tier = PhraseBook.Tier.of(line.substring("tier:".length()));
				}
				else {
					boolean lookalike = line.startsWith("-");
					variants.addAll(Phrase.compile(name, lookalike ? line.substring(1).strip() : line, lookalike,
							analyse, lists));
					phrases += lookalike ? 0 : 1;
				}
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(file + " line " + number + ": " + ex.getMessage() + ": " + line, ex);
			}
		}
		if (source == null || source.isBlank()) {
			throw new IllegalStateException(file + ": name the published guidance it comes from in a 'source:' line");
		}
		if (phrases == 0) {
			throw new IllegalStateException(file + ": no phrase");
		}
		return new PhraseBook.Family(name, source, response, tier);
	}

	/** {@code @name = entry, entry, ...}; a name may come back on later lines to add entries. */
	private static Map<String, List<String>> lists(String file, String content) {
		Map<String, List<String>> lists = new HashMap<>();
		String[] lines = content.split("\n", -1);
		for (int number = 1; number <= lines.length; number++) {
			String line = lines[number - 1].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int equals = line.indexOf('=');
			if (!line.startsWith("@") || equals < 0) {
				throw new IllegalStateException(file + " line " + number + ": write '@name = word, two words, ...': " + line);
			}
			List<String> entries = lists.computeIfAbsent(line.substring(1, equals).strip(), n -> new ArrayList<>());
			Arrays.stream(line.substring(equals + 1).split(",")).map(String::strip).filter(e -> !e.isEmpty())
				.forEach(entries::add);
		}
		return lists;
	}

	/** The words of a file without its comments, settings and phrase syntax, for the vocabulary. */
	private static String patternWords(String content) {
		StringBuilder words = new StringBuilder();
		for (String line : content.split("\n")) {
			String plain = line.strip();
			if (plain.startsWith("#") || plain.startsWith("source:") || plain.startsWith("response:")
					|| plain.startsWith("tier:")) {
				continue;
			}
			words.append(plain.replaceAll("@[\\p{L}\\p{N}-]+", " ").replaceAll("[()|^$+#=,]|\\.\\.\\.", " ")
				.replaceFirst("^-", " ")).append('\n');
		}
		return words.toString();
	}

	private SynonymMap spelling(String file, String content, CrisisAnalyzer surface) {
		try {
			SolrSynonymParser parser = new SolrSynonymParser(true, true, surface);
			parser.parse(new StringReader(content));
			return parser.build();
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException(file + ": " + ex.getMessage(), ex);
		}
	}

	private UnaryOperator<Reader> characters(String file) {
		MappingCharFilterFactory mapping = new MappingCharFilterFactory(new HashMap<>(Map.of("mapping", file)));
		inform(mapping, file);
		return mapping::create;
	}

	/** Lucene's stemmer by its factory name, e.g. {@code stemmer=snowballPorter} with {@code stemmer.language=English}. */
	private UnaryOperator<TokenStream> stemmer(String dir, Properties settings) {
		String name = settings.getProperty("stemmer");
		if (name == null || name.isBlank()) {
			return null;
		}
		Map<String, String> args = new HashMap<>();
		settings.stringPropertyNames()
			.stream()
			.filter(key -> key.startsWith("stemmer."))
			.forEach(key -> args.put(key.substring("stemmer.".length()), settings.getProperty(key)));
		TokenFilterFactory factory = TokenFilterFactory.forName(name, args);
		inform(factory, dir + "language.properties");
		return factory::create;
	}

	private void inform(Object factory, String file) {
		if (factory instanceof ResourceLoaderAware aware) {
			try {
				aware.inform(lucene);
			}
			catch (IOException | RuntimeException ex) {
				throw new IllegalStateException(file + ": " + ex.getMessage(), ex);
			}
		}
	}

	private Properties properties(String path) {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(text(path)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	private String text(String path) {
		return text(resolver.getResource("classpath:" + path));
	}

	private static String text(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + resource.getDescription() + ": " + ex.getMessage(), ex);
		}
	}

	private Resource[] resources(String pattern) {
		try {
			return resolver.getResources("classpath:" + pattern);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The folder a language's settings sit in is the language's code, e.g. {@code crisis/es/}. */
	private static String language(Resource settings) {
		try {
			String path = settings.getURL().toString();
			String dir = path.substring(0, path.lastIndexOf('/'));
			return dir.substring(dir.lastIndexOf('/') + 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
