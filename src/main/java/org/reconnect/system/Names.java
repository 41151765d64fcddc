package org.reconnect.system;

/** How messages address people. */
public final class Names {

	private Names() {
	}

	/** The name a kind message uses: the first word of a full name ("Maria Lopez" is "Maria"). */
	public static String first(String name) {
		String trimmed = name == null ? "" : name.trim();
		int space = trimmed.indexOf(' ');
		return space < 0 ? trimmed : trimmed.substring(0, space);
	}
}
