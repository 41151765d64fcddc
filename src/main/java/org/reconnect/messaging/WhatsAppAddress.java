package org.reconnect.messaging;

/** Twilio writes a WhatsApp user as {@code whatsapp:+E164}; the person behind it is the number. */
final class WhatsAppAddress {

	static final String PREFIX = "whatsapp:";

	private WhatsAppAddress() {
	}

	static boolean is(String address) {
		return address != null && address.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
	}

	/** The number without the prefix; anything else unchanged. */
	static String number(String address) {
		return is(address) ? address.substring(PREFIX.length()).trim() : address;
	}

	static String of(String e164) {
		return PREFIX + e164;
	}
}
