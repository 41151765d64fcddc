package org.reconnect.flows;

/** The GSM 03.38 7-bit alphabet, to tell how many characters an SMS segment holds. */
final class Gsm7 {

	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
	private static final String EXTENDED = "^{}\\[~]|€\f";

	private Gsm7() {
	}

	static boolean fits(String text) {
		return text.chars().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENDED.indexOf(c) >= 0);
	}

	/** Septets used: extended characters take two. */
	static int length(String text) {
		return text.chars().map(c -> EXTENDED.indexOf(c) >= 0 ? 2 : 1).sum();
	}
}
