package org.reconnect.system;

/** What logs may show of a phone number or a message: never the whole of either. */
public final class Masking {

	private Masking() {
	}

	/** "+15551234567" becomes "+1*******67": enough to tell two numbers apart in a log. */
	public static String phone(String phone) {
		if (phone == null || phone.isBlank()) {
			return "<none>";
		}
		int keep = Math.min(2, phone.length() / 4);
		String head = phone.startsWith("+") ? phone.substring(0, Math.min(2, phone.length())) : "";
		String tail = phone.substring(phone.length() - keep);
		return head + "*".repeat(Math.max(1, phone.length() - head.length() - tail.length())) + tail;
	}

	/** A message body is reduced to its length. */
	public static String text(String text) {
		return text == null ? "<none>" : "<" + text.length() + " chars>";
	}
}
