package org.reconnect.escalation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.reconnect.escalation.Phrase.Slot;
import org.reconnect.escalation.Phrase.Variant;

/**
 * The crisis phrases of one language, read by its analyzer, and how a message is matched against
 * them: look-alikes first ("dying to see my kids"), whose words no crisis phrase may then use;
 * then idioms ("dead tired"), whose words only the broad tier (strong words) may not use, so a
 * precise phrase still reads its sentence ("this heat is killing me, i want to die"). Crisis
 * phrases may reach across sentences ("I. want. to. die."), look-alikes and idioms never do.
 */
final class PhraseBook {

	/** One family file: its phrases and look-alikes, the guidance it comes from, the reply it calls for, its tier. */
	record Family(String name, String source, CrisisResponse response, Tier tier) {
	}

	/**
	 * How a family's phrases count. Precise phrases say the whole thing ("want to die"); broad
	 * ones are strong words that count as crisis on their own ("die", "bridge") unless an idiom
	 * or a look-alike explains that very word within its sentence.
	 */
	enum Tier {
		PRECISE, BROAD;

		static Tier of(String name) {
			try {
				return valueOf(name.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("a tier is 'precise' (the default) or 'broad'", ex);
			}
		}
	}

	private final String language;
	private final CrisisAnalyzer analyzer;
	private final Map<String, Family> families;
	private final Map<String, List<Variant>> crisisByFirst = new HashMap<>();
	private final Map<String, List<Variant>> lookalikeByFirst = new HashMap<>();
	private final Map<String, List<Variant>> idiomByFirst = new HashMap<>();
	private final Set<String> terms = new HashSet<>();
	private final int phrases;
	private final int idioms;

	/** @param idioms look-alikes that only the broad tier must leave alone (idioms.txt) */
	PhraseBook(String language, CrisisAnalyzer analyzer, Map<String, Family> families, List<Variant> variants,
			List<Variant> idioms) {
		this.language = language;
		this.analyzer = analyzer;
		this.families = Map.copyOf(families);
		Set<Phrase> lines = new HashSet<>();
		for (Variant variant : variants) {
			lines.add(variant.phrase());
			Map<String, List<Variant>> index = variant.phrase().lookalike() ? lookalikeByFirst : crisisByFirst;
			for (String term : variant.slots().get(0).terms()) {
				index.computeIfAbsent(term, t -> new ArrayList<>()).add(variant);
			}
			if (!variant.phrase().lookalike()) {
				variant.slots().forEach(slot -> terms.addAll(slot.terms()));
			}
		}
		terms.remove(Phrase.NUMBER);
		this.phrases = lines.size();
		Set<Phrase> idiomLines = new HashSet<>();
		for (Variant variant : idioms) {
			idiomLines.add(variant.phrase());
			for (String term : variant.slots().get(0).terms()) {
				idiomByFirst.computeIfAbsent(term, t -> new ArrayList<>()).add(variant);
			}
		}
		this.idioms = idiomLines.size();
	}

	CrisisAnalyzer analyzer() {
		return analyzer;
	}

	String language() {
		return language;
	}

	Map<String, Family> families() {
		return families;
	}

	int phrases() {
		return phrases;
	}

	int idioms() {
		return idioms;
	}

	/** What one language made of a message: the crisis phrases found, and how many of its words it knows. */
	record Reading(String language, List<CrisisSignal.Hit> hits, int knownWords) {
	}

	Reading read(String text) {
		List<CrisisAnalyzer.Token> tokens = analyzer.tokens(text);
		int n = tokens.size();
		String[] words = new String[n];
		boolean[] breakBefore = new boolean[n];
		int known = 0;
		for (int i = 0; i < n; i++) {
			words[i] = tokens.get(i).term();
			known += terms.contains(words[i]) ? 1 : 0;
			breakBefore[i] = i > 0 && sentenceBreak(text, tokens.get(i - 1).end(), tokens.get(i).start());
		}
		boolean[] lookalike = cover(lookalikeByFirst, words, breakBefore, new boolean[n]);
		boolean[] explained = idiomByFirst.isEmpty() ? lookalike
				: cover(idiomByFirst, words, breakBefore, lookalike.clone());
		Map<Phrase, CrisisSignal.Hit> hits = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) {
			List<Variant> starting = new ArrayList<>(candidates(crisisByFirst, words[i]));
			if (Phrase.isNumber(words[i])) {
				starting.addAll(crisisByFirst.getOrDefault(Phrase.NUMBER, List.of()));
			}
			for (Variant variant : starting) {
				Family family = families.get(variant.phrase().family());
				boolean[] covered = family.tier() == Tier.BROAD ? explained : lookalike;
				if (!hits.containsKey(variant.phrase()) && match(variant, words, i, covered, null) != null) {
					hits.put(variant.phrase(), new CrisisSignal.Hit(language, family.name(), family.response(),
							variant.phrase().line()));
				}
			}
		}
		return new Reading(language, List.copyOf(hits.values()), known);
	}

	/** Marks the words that look-alikes (or idioms) matching within a sentence take, from first to last. */
	private static boolean[] cover(Map<String, List<Variant>> index, String[] words, boolean[] breakBefore,
			boolean[] covered) {
		for (int i = 0; i < words.length; i++) {
			for (Variant variant : candidates(index, words[i])) {
				int[] at = match(variant, words, i, null, breakBefore);
				if (at != null) {
					for (int k = at[0]; k <= at[at.length - 1]; k++) {
						covered[k] = true;
					}
				}
			}
		}
		return covered;
	}

	private static List<Variant> candidates(Map<String, List<Variant>> index, String word) {
		return index.getOrDefault(word, List.of());
	}

	/**
	 * The positions of the variant's words when it matches from {@code start}, else null.
	 *
	 * @param covered words a look-alike took (and, for the broad tier, an idiom), else null
	 * @param breakBefore sentence breaks a match may not cross (look-alikes only), else null
	 */
	private static int[] match(Variant variant, String[] words, int start, boolean[] covered, boolean[] breakBefore) {
		List<Slot> slots = variant.slots();
		if (!slots.get(0).accepts(words[start]) || (covered != null && covered[start])) {
			return null;
		}
		if (variant.atStart()) {
			for (int k = 0; k < start; k++) {
				if (!Phrase.isNumber(words[k])) {
					return null;
				}
			}
		}
		int[] at = new int[slots.size()];
		at[0] = start;
		return follow(variant, words, 1, at, covered, breakBefore) ? at : null;
	}

	private static boolean follow(Variant variant, String[] words, int slot, int[] at, boolean[] covered,
			boolean[] breakBefore) {
		List<Slot> slots = variant.slots();
		int previous = at[slot - 1];
		if (slot == slots.size()) {
			return !variant.atEnd() || previous == words.length - 1;
		}
		Slot next = slots.get(slot);
		int last = Math.min(words.length - 1, previous + 1 + next.gapBefore());
		for (int p = previous + 1; p <= last; p++) {
			if (breakBefore != null && breakBefore[p]) {
				return false;
			}
			if (next.accepts(words[p]) && (covered == null || !covered[p])) {
				at[slot] = p;
				if (follow(variant, words, slot + 1, at, covered, breakBefore)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean sentenceBreak(String text, int from, int to) {
		for (int i = Math.max(0, from); i < Math.min(to, text.length()); i++) {
			char c = text.charAt(i);
			if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n') {
				return true;
			}
		}
		return false;
	}
}
