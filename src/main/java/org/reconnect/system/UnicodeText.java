package org.reconnect.system;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text people write, as the service reads it: Unicode NFC (so "é" typed as e and a combining
 * accent is the same name as the precomposed "é"), and without the characters that make a text
 * show something other than what it holds: control characters, bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), and broken UTF-16 (a lone surrogate).
 * A coach's input with them is refused ({@link CleanText}); a message from a person's phone is
 * cleaned ({@link #clean}), since refusing it would lose what they wrote.
 */
public final class UnicodeText {

	private UnicodeText() {
	}

	/** The text in Unicode NFC; null stays null. */
	public static String nfc(String text) {
		return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
				: Normalizer.normalize(text, Normalizer.Form.NFC);
	}

	/**
	 * What is wrong with the text, in words that name the character and where it is; null when
	 * nothing is.
	 *
	 * @param multiline whether line breaks (CR, LF) and tabs are allowed
	 */
	public static String problem(CharSequence text, boolean multiline) {
		Found found = find(text, multiline);
		return found == null ? null : "contains " + found.character() + " (" + found.kind().words + ") at character "
				+ found.position() + ": remove it" + (multiline ? "" : "; this field is one line of plain text");
	}

	/** The first character that may not stand in the text, or null. */
	static Found find(CharSequence text, boolean multiline) {
		if (text == null) {
			return null;
		}
		for (int i = 0; i < text.length();) {
			int c = Character.codePointAt(text, i);
			Kind kind = kind(c, multiline);
			if (kind != null) {
				return new Found(code(c), i + 1, kind);
			}
			i += Character.charCount(c);
		}
		return null;
	}

	/** A character refused: its code (U+202E), where it is (from 1) and why. */
	record Found(String character, int position, Kind kind) {
	}

	/** Why a character may not stand in a text; {@code key} names its words in ValidationMessages*.properties. */
	enum Kind {

		SURROGATE("surrogate", "half of a UTF-16 surrogate pair, which is not a character"),
		BIDI("bidi", "a bidirectional override or isolate, which can make text display reversed"),
		CONTROL("control", "a control character");

		final String key;

		/** The base words, for logs. */
		final String words;

		Kind(String key, String words) {
			this.key = key;
			this.words = words;
		}
	}

	/** An emoji's skin tone, gender sign and presentation selector, which add nothing to what it says. */
	private static final java.util.regex.Pattern EMOJI_VARIANTS = java.util.regex.Pattern
		.compile("\\x{200D}[\\x{2640}\\x{2642}]|[\\x{1F3FB}-\\x{1F3FF}\\x{FE0F}]");

	/** 👍🏽 as 👍, 🤷‍♀️ as 🤷: the plain emoji, for reading what a person answered. */
	public static String plainEmoji(String text) {
		return EMOJI_VARIANTS.matcher(text).replaceAll("");
	}

	/**
	 * A message from a person, cleaned rather than refused: NFC, without control characters (line
	 * breaks and tabs stay) and bidirectional controls, a lone surrogate replaced by U+FFFD.
	 */
	public static String clean(String text) {
		if (text == null || problem(text, true) == null) {
			return nfc(text);
		}
		StringBuilder cleaned = new StringBuilder(text.length());
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			if (Character.isSurrogate((char) c)) {
				cleaned.append('\uFFFD');
			}
			else if (kind(c, true) == null) {
				cleaned.appendCodePoint(c);
			}
			i += Character.charCount(c);
		}
		return nfc(cleaned.toString());
	}

	/** Why the character may not stand in a text, or null when it may. */
	private static Kind kind(int c, boolean multiline) {
		if (c <= 0xFFFF && Character.isSurrogate((char) c)) {
			// codePointAt gives a surrogate itself only when it has no partner
			return Kind.SURROGATE;
		}
		if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
			return Kind.BIDI;
		}
		if (Character.getType(c) == Character.CONTROL && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
			return Kind.CONTROL;
		}
		return null;
	}

	private static String code(int c) {
		return "U+" + String.format(Locale.ROOT, "%04X", c);
	}
}
