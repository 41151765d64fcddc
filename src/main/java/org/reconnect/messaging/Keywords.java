package org.reconnect.messaging;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The compliance keywords carriers expect, matched whatever the case, spacing or punctuation, in
 * English and Spanish; and a plain request in words to stop ("please stop texting me", "no más
 * mensajes"), since consent may be revoked by any reasonable means.
 */
final class Keywords {

	private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE",
			"OPTOUT", "PARAR", "PARA", "ALTO", "BASTA", "CANCELAR", "DETENER", "DESUSCRIBIR", "BAJA");
	private static final Set<String> START = Set.of("START", "UNSTOP", "INICIAR", "COMENZAR", "REANUDAR");
	/** Taken as START only from a number that opted out; otherwise an ordinary answer. */
	private static final Set<String> YES = Set.of("YES", "SI");
	private static final Set<String> HELP = Set.of("HELP", "INFO", "AYUDA");

	/** Over the text in lower case, accents and punctuation removed, single spaces. */
	private static final List<Pattern> STOP_IN_WORDS = List.of(
			Pattern.compile("\\bstop (texting|messaging|sending|contacting|writing|txting|msging)( me| us)?\\b"),
			Pattern.compile("\\b(dont|do not|never) (text|message|msg|contact|write to) me\\b"),
			Pattern.compile("\\bno more (messages|texts|text messages|msgs|texting)\\b"),
			Pattern.compile("\\b(unsubscribe|opt me out|take me off|remove me from)\\b"),
			Pattern.compile("\\bno (mas|quiero mas) (mensajes|textos|sms)\\b"),
			Pattern.compile("\\bdej(a|en|e) de (escribirme|enviarme|mandarme|mensajearme)\\b"),
			Pattern.compile("\\bno me (escriban|escribas|manden|mandes|envien|envies)( mas)?\\b"));

	enum Keyword {
		STOP, START, HELP, NONE
	}

	private Keywords() {
	}

	/** The keyword of a message from a number that has not opted out. */
	static Keyword of(String body) {
		return of(body, false);
	}

	static Keyword of(String body, boolean optedOut) {
		String word = normalise(body);
		if (STOP.contains(word)) {
			return Keyword.STOP;
		}
		if (START.contains(word) || (optedOut && YES.contains(word))) {
			return Keyword.START;
		}
		if (HELP.contains(word)) {
			return Keyword.HELP;
		}
		if (asksToStop(body)) {
			return Keyword.STOP;
		}
		return Keyword.NONE;
	}

	/** A request in words to stop all messages. */
	static boolean asksToStop(String body) {
		String words = plain(body).toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "")
			.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
		return STOP_IN_WORDS.stream().anyMatch(pattern -> pattern.matcher(words).find());
	}

	/** Upper case, accents and everything but letters removed: " stop! " and "Stop." are STOP. */
	static String normalise(String body) {
		return plain(body).replaceAll("[^\\p{L}]", "").toUpperCase(Locale.ROOT);
	}

	private static String plain(String body) {
		return Normalizer.normalize(body == null ? "" : body, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
	}
}
