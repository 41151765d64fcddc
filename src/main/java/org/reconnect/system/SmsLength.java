package org.reconnect.system;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How many SMS segments a text takes. A text goes as GSM-7 (GSM 03.38) when every character is
 * in that alphabet, else as UCS-2. One message holds 160 GSM-7 or 70 UCS-2 units; once split, each
 * segment gives 7 bytes to the concatenation header and holds 153 or 67. GSM-7 extension
 * characters ({@code ^ { } \ [ ~ ] | €}) take two septets, and neither they nor a UCS-2 surrogate
 * pair (an emoji) are split across segments.
 *
 * @param gsm7 whether the text fits the GSM-7 alphabet
 * @param units septets (GSM-7) or UTF-16 code units (UCS-2) the text takes
 * @param segments how many SMS the text is sent as
 * @param notGsm7 the characters that force UCS-2, in order of appearance (empty for GSM-7)
 */
public record SmsLength(boolean gsm7, int units, int segments, Set<String> notGsm7) {

	public static final int GSM7_SINGLE = 160;
	public static final int GSM7_PART = 153;
	public static final int UCS2_SINGLE = 70;
	public static final int UCS2_PART = 67;

	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
	private static final String EXTENDED = "^{}\\[~]|€\f";

	public static SmsLength of(String text) {
		Set<String> outside = text.codePoints()
			.filter(c -> BASIC.indexOf(c) < 0 && EXTENDED.indexOf(c) < 0)
			.mapToObj(Character::toString)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		boolean gsm7 = outside.isEmpty();
		int[] costs = text.codePoints().map(c -> gsm7 ? (EXTENDED.indexOf(c) >= 0 ? 2 : 1) : Character.charCount(c)).toArray();
		int units = java.util.Arrays.stream(costs).sum();
		int segments = units <= (gsm7 ? GSM7_SINGLE : UCS2_SINGLE) ? 1 : parts(costs, gsm7 ? GSM7_PART : UCS2_PART);
		return new SmsLength(gsm7, units, segments, java.util.Collections.unmodifiableSet(outside));
	}

	/** Fills each segment up to its size; a character that would straddle two starts the next. */
	private static int parts(int[] costs, int size) {
		int parts = 1;
		int used = 0;
		for (int cost : costs) {
			if (used + cost > size) {
				parts++;
				used = 0;
			}
			used += cost;
		}
		return parts;
	}

	/**
	 * For a warning: "2 SMS segments (172 GSM-7 characters)" or "2 SMS segments (85 UCS-2
	 * characters, because of 'á', 'í', which GSM-7 lacks)".
	 */
	public String describe() {
		String count = segments + (segments == 1 ? " SMS segment (" : " SMS segments (") + units;
		if (gsm7) {
			return count + " GSM-7 characters)";
		}
		return count + " UCS-2 characters, because of "
				+ notGsm7.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ")) + ", which GSM-7 lacks)";
	}
}
