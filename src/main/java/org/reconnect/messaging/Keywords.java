package org.reconnect.messaging;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** The compliance keywords carriers expect, matched whatever the case, spacing or punctuation. */
final class Keywords {

	private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE",
			"OPTOUT", "PARAR", "ALTO", "BASTA");
	private static final Set<String> START = Set.of("START", "UNSTOP", "INICIAR");
	private static final Set<String> HELP = Set.of("HELP", "INFO", "AYUDA");

	enum Keyword {
		STOP, START, HELP, NONE
	}

	private Keywords() {
	}

	static Keyword of(String body) {
		String word = normalise(body);
		if (STOP.contains(word)) {
			return Keyword.STOP;
		}
		if (START.contains(word)) {
			return Keyword.START;
		}
		if (HELP.contains(word)) {
			return Keyword.HELP;
		}
		return Keyword.NONE;
	}

	/** Upper case, accents and everything but letters removed: " stop! " and "Stop." are STOP. */
	static String normalise(String body) {
		String plain = Normalizer.normalize(body == null ? "" : body, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.replaceAll("[^\\p{L}]", "").toUpperCase(Locale.ROOT);
	}
}
