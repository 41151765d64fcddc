package org.reconnect.escalation;

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

/**
 * Every word the phrase files of one language use, with the longer ones grouped by first letter
 * for correcting slips. Built once; read by any thread.
 */
final class SpellingVocabulary {

	/** Words corrected before, as most messages repeat the same everyday words; bounded. */
	private static final int MOST_REMEMBERED = 50_000;

	private final Set<String> words;
	private final Map<String, String> corrected = new ConcurrentHashMap<>();
	/** First letter to the longer words starting with it. */
	private final Map<Character, List<String>> longerByInitial = new HashMap<>();
	/** First letter to the words of four letters starting with it (a short word missing one). */
	private final Map<Character, List<String>> shortByInitial = new HashMap<>();

	SpellingVocabulary(Set<String> words) {
		this.words = Set.copyOf(words);
		for (String word : this.words.stream().sorted().toList()) {
			if (word.length() >= SpellingFilter.SHORTEST_CORRECTED && word.chars().allMatch(Character::isLetter)) {
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
	 * A word with masks ({@link SpellingFilter#MASK}) as the known word it hides, a mask standing for as many
	 * letters as it has characters, or for none ("s_icide", "k_ll", "sui_cidarme"), when at least
	 * two letters show and more than are masked; else its parts between the masks ("help_please"),
	 * none when only masks are left.
	 */
	List<String> unmask(String word) {
		String plain = digitsAsLetters(word.replaceAll("^" + SpellingFilter.MASK + "+|" + SpellingFilter.MASK + "+$", ""));
		if (plain.isEmpty()) {
			return List.of();
		}
		if (plain.indexOf(SpellingFilter.MASK) < 0) {
			return List.of(plain);
		}
		long masked = plain.chars().filter(c -> c == SpellingFilter.MASK).count();
		long shown = plain.length() - masked;
		String joined = plain.replace(String.valueOf(SpellingFilter.MASK), "");
		if (shown >= 2 && shown > masked) {
			if (words.contains(joined)) {
				return List.of(joined);
			}
			Pattern hidden = Pattern.compile(Pattern.quote(plain).replace(String.valueOf(SpellingFilter.MASK), "\\E\\p{L}\\Q"));
			String found = words.stream().filter(w -> w.length() == plain.length() && hidden.matcher(w).matches())
				.sorted().findFirst().orElse(null);
			if (found != null) {
				return List.of(found);
			}
		}
		return List.of(plain.split(SpellingFilter.MASK + "+"));
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
		if (word.length() < SpellingFilter.SHORTEST_CORRECTED || !word.chars().allMatch(Character::isLetter)) {
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
		if (word.length() < 3 || word.length() >= SpellingFilter.SHORTEST_CORRECTED || !word.chars().allMatch(Character::isLetter)) {
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
