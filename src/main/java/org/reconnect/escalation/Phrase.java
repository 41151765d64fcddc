package org.reconnect.escalation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One line of a phrase file, compiled: the words in order, each maybe one of several, with how
 * many other words may stand between them. The syntax (see docs/crisis.md):
 * words in order with at most one other word between neighbours; {@code (a|b c|)} one of,
 * the empty choice meaning "or nothing"; {@code @name} any entry of a word list;
 * {@code ...} up to {@value #WIDE_GAP} other words; {@code +} no word between; {@code #} any
 * number; {@code ^} at the start (numbers aside), {@code $} at the end, also as the last choice
 * of a line ({@code (anymore|$)}: "anymore", or nothing more). A line is compiled to
 * one or more variants: a choice with several words in one option makes a variant per option.
 * The record itself is where a match came from: the family, the line as written, and whether it
 * is a look-alike (a line starting with "-").
 */
record Phrase(String family, String line, boolean lookalike) {

	static final int DEFAULT_GAP = 1;
	static final int WIDE_GAP = 4;
	static final String NUMBER = "#";
	static final String END = "$";
	private static final int MOST_VARIANTS = 2_000;

	/** Words, each one of a set, with the most other words allowed before it. */
	record Slot(Set<String> terms, int gapBefore) {

		boolean accepts(String term) {
			return terms.contains(term) || (terms.contains(NUMBER) && isNumber(term));
		}
	}

	record Variant(Phrase phrase, List<Slot> slots, boolean atStart, boolean atEnd) {
	}

	static boolean isNumber(String term) {
		return !term.isEmpty() && term.chars().allMatch(Character::isDigit);
	}

	/**
	 * @param analyze reads text as messages are read (the language's analyzer)
	 * @param lists the language's word lists by name, each entry as written
	 * @throws IllegalArgumentException naming what is wrong with the line
	 */
	static List<Variant> compile(String family, String line, boolean lookalike, Function<String, List<String>> analyze,
			Map<String, List<String>> lists) {
		List<Partial> partials = List.of(new Partial(List.of(), DEFAULT_GAP, false));
		String rest = line.strip();
		boolean atStart = rest.startsWith("^");
		boolean atEnd = rest.endsWith("$");
		rest = rest.substring(atStart ? 1 : 0, rest.length() - (atEnd ? 1 : 0));
		if (rest.contains("^") || rest.replaceAll("\\([^)]*\\)", "").contains("$")) {
			throw new IllegalArgumentException("^ belongs at the very start of a line and $ at its very end "
					+ "(or as the last choice: (anymore|$))");
		}
		int i = 0;
		StringBuilder text = new StringBuilder();
		while (i <= rest.length()) {
			char c = i < rest.length() ? rest.charAt(i) : '\0';
			boolean special = c == '(' || c == '@' || c == '+' || c == '#' || c == '\0' || rest.startsWith("...", i);
			if (!special) {
				text.append(c);
				i++;
				continue;
			}
			if (text.indexOf("|") >= 0 || text.indexOf(")") >= 0) {
				throw new IllegalArgumentException("'|' or ')' outside a choice: a choice is written (a|b)");
			}
			partials = words(partials, analyze.apply(text.toString()));
			text.setLength(0);
			if (c == '\0') {
				break;
			}
			if (c == '(') {
				int close = rest.indexOf(')', i);
				if (close < 0) {
					throw new IllegalArgumentException("'(' without ')'");
				}
				String inside = rest.substring(i + 1, close);
				if (inside.contains("(") || inside.contains("^") || inside.contains("...")) {
					throw new IllegalArgumentException("a choice (...) holds words, @lists, #, $ or nothing; write "
							+ "nested choices, ^ and ... as lines of their own");
				}
				List<List<String>> options = new ArrayList<>();
				for (String option : inside.split("\\|", -1)) {
					options.addAll(option(option.strip(), lists, analyze));
				}
				partials = choice(partials, options);
				i = close + 1;
			}
			else if (c == '@') {
				int end = i + 1;
				while (end < rest.length() && (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '-')) {
					end++;
				}
				partials = choice(partials, list(rest.substring(i, end), lists, analyze));
				i = end;
			}
			else if (c == '#') {
				partials = choice(partials, List.of(List.of(NUMBER)));
				i++;
			}
			else {
				int gap = c == '+' ? 0 : WIDE_GAP;
				partials = partials.stream().map(p -> new Partial(p.slots(), gap, p.ended())).toList();
				i += c == '+' ? 1 : 3;
			}
			if (partials.size() > MOST_VARIANTS) {
				throw new IllegalArgumentException("more than " + MOST_VARIANTS + " variants: split the line");
			}
		}
		Phrase phrase = new Phrase(family, line, lookalike);
		List<Variant> variants = new ArrayList<>();
		Set<List<Slot>> seen = new HashSet<>();
		for (Partial partial : partials) {
			if (partial.slots().isEmpty()) {
				throw new IllegalArgumentException("no word left to match once filler words are dropped");
			}
			if (seen.add(partial.slots()) || partial.ended()) {
				variants.add(new Variant(phrase, partial.slots(), atStart, atEnd || partial.ended()));
			}
		}
		return variants;
	}

	/** @param ended a {@code $} choice was taken: the message must end here, and nothing may follow */
	private record Partial(List<Slot> slots, int pendingGap, boolean ended) {

		Partial with(List<String> terms) {
			if (ended && !terms.isEmpty()) {
				throw new IllegalArgumentException("a $ choice must be the last thing on its line");
			}
			List<Slot> more = new ArrayList<>(slots);
			int gap = pendingGap;
			for (String term : terms) {
				more.add(new Slot(Set.of(term), gap));
				gap = DEFAULT_GAP;
			}
			return new Partial(more, terms.isEmpty() ? pendingGap : DEFAULT_GAP, ended);
		}
	}

	private static List<Partial> words(List<Partial> partials, List<String> terms) {
		return terms.isEmpty() ? partials : partials.stream().map(p -> p.with(terms)).toList();
	}

	/** One of the options: one-word options share a slot, longer ones make variants, an empty one skips. */
	private static List<Partial> choice(List<Partial> partials, List<List<String>> options) {
		Set<String> single = new LinkedHashSet<>();
		List<List<String>> longer = new ArrayList<>();
		boolean optional = false;
		boolean end = false;
		for (List<String> option : options) {
			if (option.equals(List.of(END))) {
				end = true;
			}
			else if (option.isEmpty()) {
				optional = true;
			}
			else if (option.size() == 1) {
				single.add(option.get(0));
			}
			else if (!longer.contains(option)) {
				longer.add(option);
			}
		}
		List<Partial> next = new ArrayList<>();
		for (Partial partial : partials) {
			if (partial.ended()) {
				throw new IllegalArgumentException("a $ choice must be the last thing on its line");
			}
			if (!single.isEmpty()) {
				List<Slot> more = new ArrayList<>(partial.slots());
				more.add(new Slot(Set.copyOf(single), partial.pendingGap()));
				next.add(new Partial(more, DEFAULT_GAP, false));
			}
			for (List<String> option : longer) {
				next.add(partial.with(option));
			}
			if (optional) {
				next.add(partial);
			}
			if (end) {
				next.add(new Partial(partial.slots(), partial.pendingGap(), true));
			}
		}
		return next;
	}

	private static List<List<String>> option(String option, Map<String, List<String>> lists,
			Function<String, List<String>> analyze) {
		if (option.startsWith("@")) {
			return list(option, lists, analyze);
		}
		if (option.equals(NUMBER)) {
			return List.of(List.of(NUMBER));
		}
		if (option.equals(END)) {
			return List.of(List.of(END));
		}
		List<String> terms = analyze.apply(option);
		if (terms.isEmpty() && !option.isEmpty()) {
			throw new IllegalArgumentException("'" + option + "' is only filler words, which are never matched: "
					+ "leave it out, or write an empty choice (a|) for 'or nothing'");
		}
		return List.of(terms);
	}

	private static List<List<String>> list(String reference, Map<String, List<String>> lists,
			Function<String, List<String>> analyze) {
		List<String> entries = lists.get(reference.substring(1));
		if (entries == null) {
			throw new IllegalArgumentException("no word list " + reference + " in words.txt");
		}
		List<List<String>> options = new ArrayList<>();
		for (String entry : entries) {
			List<String> terms = analyze.apply(entry);
			if (terms.isEmpty()) {
				throw new IllegalArgumentException("'" + entry + "' in " + reference + " is only filler words, which are "
						+ "never matched: take it out of the list");
			}
			options.add(terms);
		}
		return options;
	}
}
