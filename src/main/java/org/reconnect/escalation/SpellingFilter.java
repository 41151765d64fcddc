package org.reconnect.escalation;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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

	private final SpellingVocabulary vocabulary;
	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
	private final TypeAttribute type = addAttribute(TypeAttribute.class);
	private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
	/** The parts of a masked word nothing known explains, still to be given out as words. */
	private final Deque<String> parts = new ArrayDeque<>();
	private State partState;
	/** Words read ahead (letters that spelled nothing, the word after them), to be read again. */
	private final Deque<State> readAhead = new ArrayDeque<>();
	private boolean exhausted;

	SpellingFilter(TokenStream input, SpellingVocabulary vocabulary) {
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
}
