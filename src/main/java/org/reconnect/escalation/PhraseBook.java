package org.reconnect.escalation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reconnect.escalation.Phrase.Slot;
import org.reconnect.escalation.Phrase.Variant;

/**
 * The crisis phrases of one language, read by its analyzer, and how a message is matched against
 * them: look-alikes first ("dying to see my kids"), whose words no crisis phrase may then use;
 * crisis phrases may reach across sentences ("I. want. to. die."), look-alikes never do.
 */
final class PhraseBook {

	/** One family file: its phrases and look-alikes, the guidance it comes from, and the reply it calls for. */
	record Family(String name, String source, CrisisResponse response) {
	}

	private final String language;
	private final CrisisAnalyzer analyzer;
	private final Map<String, Family> families;
	private final Map<String, List<Variant>> crisisByFirst = new HashMap<>();
	private final Map<String, List<Variant>> lookalikeByFirst = new HashMap<>();
	private final Set<String> terms = new HashSet<>();
	private final int phrases;

	PhraseBook(String language, CrisisAnalyzer analyzer, Map<String, Family> families, List<Variant> variants) {
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
		boolean[] covered = new boolean[n];
		for (int i = 0; i < n; i++) {
			for (Variant variant : candidates(lookalikeByFirst, words[i])) {
				int[] at = match(variant, words, i, null, breakBefore);
				if (at != null) {
					for (int k = at[0]; k <= at[at.length - 1]; k++) {
						covered[k] = true;
					}
				}
			}
		}
		Map<Phrase, CrisisSignal.Hit> hits = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) {
			List<Variant> starting = new ArrayList<>(candidates(crisisByFirst, words[i]));
			if (Phrase.isNumber(words[i])) {
				starting.addAll(crisisByFirst.getOrDefault(Phrase.NUMBER, List.of()));
			}
			for (Variant variant : starting) {
				if (!hits.containsKey(variant.phrase()) && match(variant, words, i, covered, null) != null) {
					Family family = families.get(variant.phrase().family());
					hits.put(variant.phrase(), new CrisisSignal.Hit(language, family.name(), family.response(),
							variant.phrase().line()));
				}
			}
		}
		return new Reading(language, List.copyOf(hits.values()), known);
	}

	private static List<Variant> candidates(Map<String, List<Variant>> index, String word) {
		return index.getOrDefault(word, List.of());
	}

	/**
	 * The positions of the variant's words when it matches from {@code start}, else null.
	 *
	 * @param covered words a look-alike took (crisis phrases only), else null
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
