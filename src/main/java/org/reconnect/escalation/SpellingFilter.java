package org.reconnect.escalation;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Brings a word as people text it back to a word the phrase files know: letters repeated for
 * emphasis ("dieee", "plzzz"), digits for letters ("k1ll"), and a typing slip in a longer word
 * ("sucide"; "overdoes" is known, so left alone), or two neighbouring letters swapped or one
 * left out in a short one ("dei", "kil"). A word masked to get past filters ("s*icide", "k!ll",
 * "sui*cidarme": characters.txt turns the mask into "_", which keeps the word whole) is read as the
 * known word it hides, the mask standing for as many letters or for none; a mask nothing known
 * explains splits the word in two ("help!please"). A word spelled out letter by letter ("d i e",
 * "k i l l myself", "m a t a r m e") is read as the known word, or words, its letters make; letters
 * that make no known word ("a b c", "i o u") stay as they are. A word nobody listed stays as it is;
 * an emoji nobody listed is dropped. Runs after lower-casing and accent folding, before the
 * spelling map.
 */
final class SpellingFilter extends TokenFilter {

	/** Words shorter than this are never corrected: too many real words lie one slip apart. */
	static final int SHORTEST_CORRECTED = 5;

	/** What characters.txt writes for a mask ("*", "!") inside a word. */
	static final char MASK = '_';

	/** Fewer letters spelled out than this are never joined: "o k", "s h" are words of their own. */
	static final int FEWEST_SPELLED = 3;

	/** The most characters (spaces, a dot) between two letters of a word spelled out. */
	private static final int WIDEST_SPACING = 2;

	/** Letters spelled out with dots, which the tokenizer keeps as one word ("k.i.l.l", "m.o.r.i.r"). */
	private static final Pattern DOTTED = Pattern.compile("(\\p{L}\\.){2,}\\p{L}\\.?");

	private final Vocabulary vocabulary;
	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
	private final TypeAttribute type = addAttribute(TypeAttribute.class);
	private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
	/** The parts of a masked word nothing known explains, still to be given out as words. */
	private final Deque<String> parts = new ArrayDeque<>();
	private State partState;
	/** Words read ahead (letters that spelled nothing, the word after them), to be read again. */
	private final Deque<State> readAhead = new ArrayDeque<>();
	private boolean exhausted;

	SpellingFilter(TokenStream input, Vocabulary vocabulary) {
		super(input);
		this.vocabulary = vocabulary;
	}

	@Override
	public boolean incrementToken() throws IOException {
		if (!parts.isEmpty()) {
			restoreState(partState);
			term.setEmpty().append(vocabulary.correct(parts.removeFirst()));
			return true;
		}
		boolean again;
		while ((again = !readAhead.isEmpty()) || (!exhausted && input.incrementToken())) {
			if (again) {
				restoreState(readAhead.removeFirst());
			}
			String word = term.toString();
			if (!again && isLetter(word) && spelledOut()) {
				return true;
			}
			if (DOTTED.matcher(word).matches()) {
				List<String> words = vocabulary.spelled(word.replace(".", ""));
				if (!words.isEmpty()) {
					term.setEmpty().append(words.get(0));
					if (words.size() > 1) {
						parts.addAll(words.subList(1, words.size()));
						partState = captureState();
					}
					return true;
				}
			}
			if (StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI].equals(type.type())) {
				if (vocabulary.knows(word)) {
					return true;
				}
				continue;
			}
			if (word.indexOf(MASK) >= 0) {
				List<String> unmasked = vocabulary.unmask(word);
				if (unmasked.isEmpty()) {
					continue;
				}
				word = unmasked.get(0);
				if (unmasked.size() > 1) {
					parts.addAll(unmasked.subList(1, unmasked.size()));
					partState = captureState();
				}
				term.setEmpty().append(word);
			}
			String known = vocabulary.correct(word);
			if (!known.equals(word)) {
				term.setEmpty().append(known);
			}
			return true;
		}
		exhausted = true;
		return false;
	}

	/**
	 * At a single letter: reads on while single letters follow, close together, and gives out the
	 * known word or words they spell ("d i e"), true; else leaves them (and the word after them) to
	 * be read again one by one, at the first letter, false.
	 */
	private boolean spelledOut() throws IOException {
		List<State> letters = new ArrayList<>();
		letters.add(captureState());
		StringBuilder spelled = new StringBuilder(term);
		int start = offset.startOffset();
		int end = offset.endOffset();
		State after = null;
		while (input.incrementToken()) {
			if (isLetter(term.toString()) && offset.startOffset() - end <= WIDEST_SPACING) {
				letters.add(captureState());
				spelled.append(term);
				end = offset.endOffset();
			}
			else {
				after = captureState();
				break;
			}
		}
		exhausted = after == null;
		List<String> words = letters.size() >= FEWEST_SPELLED ? vocabulary.spelled(spelled.toString()) : List.of();
		restoreState(letters.get(0));
		if (words.isEmpty()) {
			readAhead.addAll(letters.subList(1, letters.size()));
		}
		else {
			offset.setOffset(start, end);
			term.setEmpty().append(words.get(0));
			if (words.size() > 1) {
				parts.addAll(words.subList(1, words.size()));
				partState = captureState();
			}
		}
		if (after != null) {
			readAhead.add(after);
		}
		return !words.isEmpty();
	}

	private boolean isLetter(String word) {
		return word.length() == 1 && Character.isLetter(word.charAt(0))
				&& !StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI].equals(type.type());
	}

	@Override
	public void reset() throws IOException {
		super.reset();
		parts.clear();
		partState = null;
		readAhead.clear();
		exhausted = false;
	}

	/**
	 * Every word the phrase files of one language use, with the longer ones grouped by first letter
	 * for correcting slips. Built once; read by any thread.
	 */
	static final class Vocabulary {

		/** Words corrected before, as most messages repeat the same everyday words; bounded. */
		private static final int MOST_REMEMBERED = 50_000;

		private final Set<String> words;
		private final Map<String, String> corrected = new ConcurrentHashMap<>();
		/** First letter to the longer words starting with it. */
		private final Map<Character, List<String>> longerByInitial = new HashMap<>();
		/** First letter to the words of four letters starting with it (a short word missing one). */
		private final Map<Character, List<String>> shortByInitial = new HashMap<>();

		Vocabulary(Set<String> words) {
			this.words = Set.copyOf(words);
			for (String word : this.words.stream().sorted().toList()) {
				if (word.length() >= SHORTEST_CORRECTED && word.chars().allMatch(Character::isLetter)) {
					longerByInitial.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(word);
				}
				else if (word.length() == 4 && word.chars().allMatch(Character::isLetter)) {
					shortByInitial.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(word);
				}
			}
		}

		boolean knows(String word) {
			return words.contains(word);
		}

		int size() {
			return words.size();
		}

		/**
		 * A word with masks ({@link #MASK}) as the known word it hides, a mask standing for as many
		 * letters as it has characters, or for none ("s_icide", "k_ll", "sui_cidarme"), when at least
		 * two letters show and more than are masked; else its parts between the masks ("help_please"),
		 * none when only masks are left.
		 */
		List<String> unmask(String word) {
			String plain = digitsAsLetters(word.replaceAll("^" + MASK + "+|" + MASK + "+$", ""));
			if (plain.isEmpty()) {
				return List.of();
			}
			if (plain.indexOf(MASK) < 0) {
				return List.of(plain);
			}
			long masked = plain.chars().filter(c -> c == MASK).count();
			long shown = plain.length() - masked;
			String joined = plain.replace(String.valueOf(MASK), "");
			if (shown >= 2 && shown > masked) {
				if (words.contains(joined)) {
					return List.of(joined);
				}
				Pattern hidden = Pattern.compile(Pattern.quote(plain).replace(String.valueOf(MASK), "\\E\\p{L}\\Q"));
				String found = words.stream().filter(w -> w.length() == plain.length() && hidden.matcher(w).matches())
					.sorted().findFirst().orElse(null);
				if (found != null) {
					return List.of(found);
				}
			}
			return List.of(plain.split(MASK + "+"));
		}

		/**
		 * The known word letters spelled out one by one make ("die", "diee" as "die"), or the known
		 * words they run together into when one of them has four letters or more ("killmyself");
		 * none when they make no known word ("abc", "iou").
		 */
		List<String> spelled(String letters) {
			String known = correct(letters);
			if (words.contains(known)) {
				return List.of(known);
			}
			// fewest[i]: the fewest known words the first i letters split into; from[i]: where the last starts
			int[] fewest = new int[letters.length() + 1];
			int[] from = new int[letters.length() + 1];
			Arrays.fill(fewest, Integer.MAX_VALUE);
			fewest[0] = 0;
			for (int i = 1; i <= letters.length(); i++) {
				for (int j = 0; j < i; j++) {
					if (fewest[j] != Integer.MAX_VALUE && fewest[j] + 1 < fewest[i] && words.contains(letters.substring(j, i))) {
						fewest[i] = fewest[j] + 1;
						from[i] = j;
					}
				}
			}
			if (fewest[letters.length()] == Integer.MAX_VALUE) {
				return List.of();
			}
			Deque<String> split = new ArrayDeque<>();
			for (int i = letters.length(); i > 0; i = from[i]) {
				split.addFirst(letters.substring(from[i], i));
			}
			return split.stream().anyMatch(w -> w.length() >= 4) ? List.copyOf(split) : List.of();
		}

		/** The known word this one was meant to be, or the word itself. */
		String correct(String word) {
			if (words.contains(word) || word.chars().allMatch(Character::isDigit)) {
				return word;
			}
			String known = corrected.get(word);
			if (known != null) {
				return known;
			}
			known = uncached(word);
			if (corrected.size() < MOST_REMEMBERED) {
				corrected.put(word, known);
			}
			return known;
		}

		private String uncached(String word) {
			String plain = digitsAsLetters(word);
			for (String candidate : List.of(plain, squeeze(plain, 2), squeeze(plain, 1))) {
				if (words.contains(candidate)) {
					return candidate;
				}
			}
			String near = nearest(squeeze(plain, 2));
			if (near == null) {
				near = swapped(plain);
			}
			return near != null ? near : word;
		}

		/**
		 * The known word one slip away (a letter added, dropped, changed, or two swapped), or two in
		 * words of nine letters or more; the first in alphabetical order when several are.
		 */
		private String nearest(String word) {
			if (word.length() < SHORTEST_CORRECTED || !word.chars().allMatch(Character::isLetter)) {
				return null;
			}
			List<String> candidates = longerByInitial.getOrDefault(word.charAt(0), List.of());
			for (int slips = 1; slips <= (word.length() >= 9 ? 2 : 1); slips++) {
				for (String candidate : candidates) {
					if (Math.abs(candidate.length() - word.length()) <= slips && slips(word, candidate, slips) <= slips) {
						return candidate;
					}
				}
			}
			return null;
		}

		/**
		 * A short word with two neighbouring letters swapped ("dei", "wnat") or one letter left out
		 * after the first ("kil", "wnt", "ded"), put right.
		 */
		private String swapped(String word) {
			if (word.length() < 3 || word.length() >= SHORTEST_CORRECTED || !word.chars().allMatch(Character::isLetter)) {
				return null;
			}
			char[] letters = word.toCharArray();
			for (int i = 0; i + 1 < letters.length; i++) {
				char c = letters[i];
				letters[i] = letters[i + 1];
				letters[i + 1] = c;
				String candidate = new String(letters);
				if (words.contains(candidate)) {
					return candidate;
				}
				letters[i + 1] = letters[i];
				letters[i] = c;
			}
			for (String longer : longerByInitial.getOrDefault(word.charAt(0), List.of())) {
				if (longer.length() == word.length() + 1 && slips(word, longer, 1) == 1) {
					return longer;
				}
			}
			for (String longer : shortByInitial.getOrDefault(word.charAt(0), List.of())) {
				if (longer.length() == word.length() + 1 && slips(word, longer, 1) == 1) {
					return longer;
				}
			}
			return null;
		}

		/**
		 * The edit distance with swaps of neighbours (optimal string alignment), or {@code most + 1}
		 * as soon as it must exceed {@code most}.
		 */
		static int slips(String a, String b, int most) {
			int[] before = new int[b.length() + 1];
			int[] previous = new int[b.length() + 1];
			int[] current = new int[b.length() + 1];
			for (int j = 0; j <= b.length(); j++) {
				previous[j] = j;
			}
			for (int i = 1; i <= a.length(); i++) {
				current[0] = i;
				int best = current[0];
				for (int j = 1; j <= b.length(); j++) {
					int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
					int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
					if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
						d = Math.min(d, before[j - 2] + 1);
					}
					current[j] = d;
					best = Math.min(best, d);
				}
				if (best > most) {
					return most + 1;
				}
				int[] oldest = before;
				before = previous;
				previous = current;
				current = oldest;
			}
			return previous[b.length()];
		}

		/** "k1ll" is "kill", "su1c1de" "suicide"; a number alone ("2") is an answer and stays. */
		static String digitsAsLetters(String word) {
			if (word.chars().noneMatch(Character::isDigit) || word.chars().noneMatch(Character::isLetter)) {
				return word;
			}
			StringBuilder letters = new StringBuilder(word.length());
			for (char c : word.toCharArray()) {
				letters.append(switch (c) {
					case '0' -> 'o';
					case '1' -> 'i';
					case '3' -> 'e';
					case '4' -> 'a';
					case '5' -> 's';
					case '7' -> 't';
					default -> c;
				});
			}
			return letters.toString();
		}

		/** Runs of one letter cut to at most {@code longest}: "dieee" to "diee" (2) or "die" (1). */
		static String squeeze(String word, int longest) {
			StringBuilder squeezed = new StringBuilder(word.length());
			int run = 0;
			for (int i = 0; i < word.length(); i++) {
				char c = word.charAt(i);
				run = i > 0 && word.charAt(i - 1) == c ? run + 1 : 1;
				if (run <= longest) {
					squeezed.append(c);
				}
			}
			return squeezed.toString();
		}
	}
}
