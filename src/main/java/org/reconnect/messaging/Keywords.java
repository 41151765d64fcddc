package org.reconnect.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reconnect.system.KindLines;
import org.reconnect.system.KindLines.KindLine;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The compliance keywords carriers expect (STOP, START, HELP), and a plain request in words to
 * stop ("Stop please", "no more messages", "dejen de escribirme"), since consent may be revoked by
 * any reasonable means. The words are data, one file per language under {@code keywords/}; every
 * language applies to every sender.
 */
final class Keywords {

	enum Keyword {
		STOP, START, HELP, NONE
	}

	private static final String FILES = "classpath*:keywords/keywords_*.txt";

	/** Where a sentence ends: a negation in one clause does not reach into the next ("No, stop texting me"). */
	private static final Pattern CLAUSES = Pattern.compile("[.,;:!?¡¿\\n]+");

	private static final Pattern REPEATED = Pattern.compile("(\\p{L})\\1+");

	private static final Pattern TRIPLED = Pattern.compile("(\\p{L})\\1{2,}");

	private final Map<String, Keyword> words;
	/** Taken as START only from a number that opted out; otherwise an ordinary answer (an ally's YES). */
	private final Set<String> yes;
	private final Set<String> courtesy;
	private final List<Phrases> phrases;
	/** The languages whose file lists each keyword or yes word ("stop" may be in several). */
	private final Map<String, Set<Locale>> languages;

	/** One language's requests in words, with the negations that cancel them. */
	private record Phrases(Locale language, List<Pattern> patterns, List<String> negations) {
	}

	private Keywords(Map<String, Keyword> words, Set<String> yes, Set<String> courtesy, List<Phrases> phrases,
			Map<String, Set<Locale>> languages) {
		this.words = words;
		this.yes = yes;
		this.courtesy = courtesy;
		this.phrases = phrases;
		this.languages = languages;
	}

	/** Reads every language's file on the classpath. */
	static Keywords load() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(FILES);
			if (files.length == 0) {
				throw new IllegalStateException("No keyword files found at " + FILES);
			}
			Map<String, Keyword> words = new HashMap<>();
			Set<String> yes = new HashSet<>();
			Set<String> courtesy = new HashSet<>();
			List<Phrases> phrases = new ArrayList<>();
			Map<String, Set<Locale>> languages = new HashMap<>();
			for (Resource file : files) {
				Locale language = language(file);
				Map<String, Keyword> own = new HashMap<>();
				Set<String> ownYes = new HashSet<>();
				read(file, own, ownYes, courtesy, phrases, language);
				words.putAll(own);
				yes.addAll(ownYes);
				own.keySet().forEach(word -> languages.computeIfAbsent(word, w -> new HashSet<>()).add(language));
				ownYes.forEach(word -> languages.computeIfAbsent(word, w -> new HashSet<>()).add(language));
			}
			return new Keywords(Map.copyOf(words), Set.copyOf(yes), Set.copyOf(courtesy), List.copyOf(phrases),
					Map.copyOf(languages));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** keywords_es.txt is Spanish: the language is the file's name, never a code in Java. */
	private static Locale language(Resource file) {
		String name = file.getFilename();
		return Locale.forLanguageTag(name.substring(name.indexOf('_') + 1, name.lastIndexOf('.')));
	}

	private static void read(Resource file, Map<String, Keyword> words, Set<String> yes, Set<String> courtesy,
			List<Phrases> all, Locale language) {
		List<Pattern> patterns = new ArrayList<>();
		List<String> negations = new ArrayList<>();
		for (KindLine line : KindLines.read(file)) {
			String value = line.value();
			switch (line.kind()) {
				case "stop" -> words(value).forEach(word -> words.put(word, Keyword.STOP));
				case "start" -> words(value).forEach(word -> words.put(word, Keyword.START));
				case "yes" -> yes.addAll(words(value));
				case "help" -> words(value).forEach(word -> words.put(word, Keyword.HELP));
				case "courtesy" -> courtesy.addAll(words(value));
				case "negation" -> negations.addAll(Arrays.asList(value.split("\\s+")));
				case "phrase" -> patterns.add(Pattern.compile(value));
				default -> throw line.unknown("use stop, start, yes, help, courtesy, negation or phrase");
			}
		}
		all.add(new Phrases(language, List.copyOf(patterns), List.copyOf(negations)));
	}

	private static List<String> words(String value) {
		return Arrays.stream(value.split("\\s+")).map(Keywords::once).toList();
	}

	/** The keyword of a message from a number that has not opted out. */
	Keyword of(String body) {
		return of(body, false);
	}

	Keyword of(String body, boolean optedOut) {
		List<String> tokens = tokens(body);
		Keyword only = onlyKeyword(tokens, optedOut);
		if (only != Keyword.NONE) {
			return only;
		}
		return asksToStop(body) ? Keyword.STOP : Keyword.NONE;
	}

	/**
	 * The keyword a message consists of, courtesy words aside ("Stop please", "ok stop", "stop stop"),
	 * or NONE when it says anything else or mixes kinds.
	 */
	private Keyword onlyKeyword(List<String> tokens, boolean optedOut) {
		Keyword found = Keyword.NONE;
		String joined = once(String.join("", tokens)); // "S.T.O.P", "opt-out"
		if (words.containsKey(joined) || yes.contains(joined)) {
			tokens = List.of(joined);
		}
		for (String token : tokens) {
			if (courtesy.contains(token)) {
				continue;
			}
			Keyword keyword = optedOut && yes.contains(token) ? Keyword.START : words.get(token);
			if (keyword == null) {
				return Keyword.NONE;
			}
			if (found != Keyword.NONE && found != keyword) {
				return Keyword.NONE;
			}
			found = keyword;
		}
		return found;
	}

	/**
	 * The language a keyword message is written in, when its words belong to one language's file
	 * only ("PARAR" is Spanish, "OK" is nobody's): how an unknown number is answered.
	 */
	Optional<Locale> language(String body) {
		List<String> tokens = tokens(body);
		String joined = once(String.join("", tokens));
		if (languages.containsKey(joined)) {
			tokens = List.of(joined);
		}
		Set<Locale> found = null;
		for (String token : tokens) {
			Set<Locale> of = languages.get(token);
			if (of != null) {
				found = found == null ? new HashSet<>(of) : found;
				found.retainAll(of);
			}
		}
		if (found != null) {
			return found.size() == 1 ? found.stream().findFirst() : Optional.empty();
		}
		return stopPhraseLanguage(body);
	}

	private Optional<Locale> stopPhraseLanguage(String body) {
		for (String clause : CLAUSES.split(plain(body))) {
			String text = TRIPLED.matcher(String.join(" ", rawTokens(clause))).replaceAll("$1");
			for (Phrases language : phrases) {
				for (Pattern pattern : language.patterns()) {
					if (pattern.matcher(text).find()) {
						return Optional.of(language.language());
					}
				}
			}
		}
		return Optional.empty();
	}

	/** A request in words to stop all messages, not cancelled by a negation in the same clause. */
	private boolean asksToStop(String body) {
		for (String clause : CLAUSES.split(plain(body))) {
			String text = TRIPLED.matcher(String.join(" ", rawTokens(clause))).replaceAll("$1");
			for (Phrases language : phrases) {
				for (Pattern pattern : language.patterns()) {
					Matcher match = pattern.matcher(text);
					while (match.find()) {
						if (!negated(text, match.start(), language.negations())) {
							return true;
						}
					}
				}
			}
		}
		return false;
	}

	/** Whether one of the two words before {@code start} is a negation (and the phrase itself does not begin with one). */
	private static boolean negated(String text, int start, List<String> negations) {
		String rest = text.substring(start);
		if (negations.stream().anyMatch(negation -> rest.startsWith(negation + " "))) {
			return false;
		}
		String before = " " + text.substring(0, start).strip();
		String[] words = before.strip().split(" ");
		String lastTwo = " " + String.join(" ", Arrays.copyOfRange(words, Math.max(0, words.length - 2), words.length))
				+ " ";
		return negations.stream().anyMatch(negation -> lastTwo.contains(" " + negation + " "));
	}

	/** Words in lower case without accents, apostrophes or punctuation, each letter said once ("stoppp" → "stop"). */
	private static List<String> tokens(String body) {
		return rawTokens(plain(body)).stream().map(Keywords::once).toList();
	}

	private static List<String> rawTokens(String text) {
		String words = text.replace("'", "").replace("\u2019", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
		return words.isEmpty() ? List.of() : List.of(words.split(" "));
	}

	private static String once(String word) {
		return REPEATED.matcher(word).replaceAll("$1");
	}

	private static String plain(String body) {
		return Normalizer.normalize(body == null ? "" : body, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT);
	}
}
