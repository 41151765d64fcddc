package org.reconnect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words that must never appear in a message an ally, a coach's phone or a lock screen could
 * show: nothing that reveals a recovery program, a health condition or anything the participant
 * said. Alert texts and the ally-invitation flow are both checked against it.
 */
public final class ForbiddenWords {

	/** Matched as the start of a word, whatever the case: "drug" also catches "drugs". */
	public static final List<String> NEVER = List.of("recovery", "recover", "addict", "relapse", "sober", "sobriety",
			"craving", "mood", "drug", "alcohol", "drink", "drunk", "treatment", "therapy", "therapist", "diagnos",
			"meeting", "rehab", "detox", "clinic", "counsel", "medication", "overdose", "suicid", "depress", "anxiety",
			"mental", "psychiatr", "program", "12-step", "twelve step", "substance", "opioid", "using again",
			// Spanish
			"recuperaci", "adicci", "recaída", "recaida", "sobriedad", "antojo", "ánimo", "animo", "droga", "alcohol",
			"tratamiento", "terapia", "diagnóstico", "diagnostico", "reunión", "reunion", "rehabilitaci", "programa",
			"sustancia", "depresi", "ansiedad", "salud mental");

	/** Whole words, in capitals only: Alcoholics and Narcotics Anonymous. */
	public static final List<String> NEVER_EXACT = List.of("AA", "NA", "CA", "SMART");

	private ForbiddenWords() {
	}

	/** The forbidden words the text holds; empty when it may be sent. */
	public static List<String> in(String text) {
		List<String> found = new ArrayList<>();
		String lower = text.toLowerCase(Locale.ROOT);
		for (String word : NEVER) {
			if (Pattern.compile("(^|[^\\p{L}])" + Pattern.quote(word)).matcher(lower).find()) {
				found.add(word);
			}
		}
		for (String word : NEVER_EXACT) {
			if (Pattern.compile("\\b" + word + "\\b").matcher(text).find()) {
				found.add(word);
			}
		}
		return found;
	}
}
