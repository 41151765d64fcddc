package org.reconnect.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.reconnect.flows.FlowCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The crisis resources a person gets at once, from the message bundles
 * ({@code messages/crisis*.properties}): for the region {@link CrisisRegions} picks from their phone
 * number (its country; the organisation's when there is no number to go by), the reply the message
 * calls for, in the person's language, with or without "I've let your coach know". A region
 * without a reply's own text sends its crisis text; a region with none sends the generic text,
 * which names no number; a language without its own text gets the base language's. A person in
 * crisis always gets something: the generic texts must exist, or the service does not start.
 */
@Component
class CrisisResources {

	private static final Logger log = LoggerFactory.getLogger(CrisisResources.class);

	static final String GENERIC = "generic";
	/** In each bundle: the language it is written in. */
	static final String WRITTEN_IN = "crisis.language";

	private final MessageSource messages;
	private final CrisisRegions regions;
	private final FlowCatalog flows;
	private final CrisisDetector detector;

	CrisisResources(MessageSource messages, CrisisRegions regions, FlowCatalog flows, CrisisDetector detector) {
		this.messages = messages;
		this.regions = regions;
		this.flows = flows;
		this.detector = detector;
		for (CrisisResponse reply : CrisisResponse.values()) {
			for (boolean participant : new boolean[] { true, false }) {
				if (message(code(GENERIC, reply, participant), Locale.ROOT) == null) {
					throw new IllegalStateException("No " + code(GENERIC, reply, participant)
							+ " in messages/crisis.properties: every region falls back on it, so it must be there");
				}
			}
		}
		for (Line line : Line.values()) {
			if (message(line.code(GENERIC), Locale.ROOT) == null) {
				throw new IllegalStateException("No " + line.code(GENERIC) + " in messages/crisis.properties: every "
						+ "region falls back on it, so it must be there");
			}
		}
	}

	/** Where to turn, as a phrase for another text: a crisis line, or the emergency number. */
	enum Line {

		URGENT, EMERGENCY;

		String code(String region) {
			return "crisis." + region + ".line." + name().toLowerCase(Locale.ROOT);
		}
	}

	/** Whose lines the person with this number gets (null: no number to go by, the organisation's). */
	CrisisRegion region(String phone) {
		return regions.of(phone);
	}

	/**
	 * "call or text 988", "llama al 112": the region's own, else the generic words, which name no
	 * number, so one region's number never reaches another.
	 *
	 * @param language the reader's language; null for the base language
	 * @param phone the reader's number, whose country picks the region; null for the organisation's
	 */
	String line(Line line, String language, String phone) {
		String region = regions.of(phone).code();
		Locale locale = language == null ? Locale.ROOT : Locale.forLanguageTag(language);
		String text = message(line.code(region), locale);
		return text != null ? text : message(line.code(GENERIC), locale);
	}

	/**
	 * @param language the language to answer in, e.g. the participant's; null for the base language
	 * @param participant true for someone enrolled (their coach is told), false for a number nobody enrolled
	 * @param phone the number whose country picks the region; null for the organisation's
	 */
	String text(CrisisResponse reply, boolean participant, String language, String phone) {
		return textOf(regions.of(phone), reply, participant, language);
	}

	/** As above, for a region already read from the number ({@link #region}), so it is read once. */
	String textOf(CrisisRegion whose, CrisisResponse reply, boolean participant, String language) {
		String region = whose.code();
		Locale locale = language == null ? Locale.ROOT : Locale.forLanguageTag(language);
		for (String code : List.of(code(region, reply, participant), code(region, CrisisResponse.CRISIS, participant),
				code(GENERIC, reply, participant))) {
			String text = message(code, locale);
			if (text != null) {
				return text;
			}
		}
		throw new IllegalStateException("no " + code(GENERIC, reply, participant)); // checked at start
	}

	/**
	 * Says at start, for each language the service speaks (the flows' languages and those with
	 * crisis phrases), which texts each region with texts lacks and what is sent instead, and
	 * whether the organisation's region has texts at all.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void checkAtStart() {
		Set<String> languages = new TreeSet<>(flows.languages());
		languages.addAll(detector.languages());
		gaps(languages).forEach(log::warn);
	}

	/** What the organisation's region and each region with texts lack, a line per region and language, for the log. */
	List<String> gaps(Set<String> languages) {
		List<String> gaps = new ArrayList<>();
		String organisation = regions.organisation();
		if (!regions.hasTexts(organisation)) {
			gaps.add("Crisis resources: no texts for region '" + organisation + "' (reconnect.escalation.crisis-region) "
					+ "in messages/crisis.properties: people in crisis whose number is from no region with texts get "
					+ "the generic text, which names no crisis line. Add the region's texts.");
		}
		for (String region : regions.withTexts()) {
			for (String language : new TreeSet<>(languages)) {
				List<String> missing = new ArrayList<>();
				for (CrisisResponse reply : CrisisResponse.values()) {
					for (boolean participant : new boolean[] { true, false }) {
						if (!ownText(code(region, reply, participant), language)) {
							missing.add(reply.key() + "." + (participant ? "participant" : "stranger"));
						}
					}
				}
				if (!missing.isEmpty()) {
					gaps.add("Crisis resources: region '" + region + "' has no '" + language + "' text for " + missing
							+ " in messages/crisis_" + language + ".properties: people who write in '" + language
							+ "' get the region's crisis text or its base-language text instead. Add the translation.");
				}
			}
		}
		return gaps;
	}

	/** Whether the code has a text written in the language itself, not fallen back to another. */
	private boolean ownText(String code, String language) {
		Locale locale = Locale.forLanguageTag(language);
		String text = message(code, locale);
		if (text == null || !language.equals(message(WRITTEN_IN, locale))) {
			return false;
		}
		return language.equals(message(WRITTEN_IN, Locale.ROOT)) || !text.equals(message(code, Locale.ROOT));
	}

	private String message(String code, Locale locale) {
		return messages.getMessage(code, null, null, locale);
	}

	static String code(String region, CrisisResponse reply, boolean participant) {
		return "crisis." + region + "." + reply.key() + "." + (participant ? "participant" : "stranger");
	}
}
