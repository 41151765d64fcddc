package org.reconnect.escalation;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Recognises messages that signal crisis (English and Spanish). It errs towards responding: a
 * false alarm costs a kind message and a coach's glance; a miss can cost far more.
 */
final class CrisisLanguage {

	private static final List<String> PHRASES = List.of("kill myself", "killing myself", "suicide", "suicidal",
			"end my life", "end it all", "want to die", "wanna die", "dont want to live", "do not want to live",
			"dont want to be alive", "hurt myself", "hurting myself", "self harm", "selfharm", "overdose",
			"better off dead", "no reason to live", "cant go on", "can not go on", "cannot go on", "matarme", "suicidarme",
			"suicidio", "quiero morir", "me quiero morir", "no quiero vivir", "hacerme dano", "sobredosis");

	private CrisisLanguage() {
	}

	static boolean signalsCrisis(String text) {
		String plain = " " + Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replace("'", "")
			.replace("\u2019", "")
			.replaceAll("[^a-z0-9]+", " ")
			.trim() + " ";
		return PHRASES.stream().anyMatch(phrase -> plain.contains(" " + phrase + " "));
	}
}
