package org.reconnect.escalation;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.reconnect.system.PhoneNumbers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whose crisis lines a person gets: the country of their phone number (a
 * Mexican SIM cannot call 988, a British one neither), else, with no number to go by, the
 * organisation's region ({@code reconnect.escalation.crisis-region}). A country whose lines
 * {@code messages/crisis*.properties} does not hold gets the general text (their local emergency
 * number), never the numbers of the organisation's country.
 */
@Component
class CrisisRegions {

	private final MessageSource messages;
	private final PhoneNumbers phones;
	private final String organisation;

	CrisisRegions(MessageSource messages, PhoneNumbers phones, EscalationSettings settings) {
		this.messages = messages;
		this.phones = phones;
		this.organisation = settings.crisisRegion().strip().toUpperCase(Locale.ROOT);
	}

	/**
	 * @param phone the person's number in E.164; null when there is none to go by (a web chat
	 * nobody enrolled), which gets the organisation's region
	 */
	CrisisRegion of(String phone) {
		return phones.country(phone)
			.map(country -> new CrisisRegion(country, true, hasTexts(country)))
			.orElseGet(() -> new CrisisRegion(organisation, false, hasTexts(organisation)));
	}

	String organisation() {
		return organisation;
	}

	/** Whether the bundles have the region's own crisis text (every region that has any must have it). */
	boolean hasTexts(String region) {
		return messages.getMessage(CrisisResources.code(region, CrisisResponse.CRISIS, true), null, null,
				Locale.ROOT) != null;
	}

	/** The regions with texts: the countries of the world whose texts the bundles hold, and the organisation's. */
	Set<String> withTexts() {
		Set<String> regions = new TreeSet<>();
		for (String country : Locale.getISOCountries()) {
			if (hasTexts(country)) {
				regions.add(country);
			}
		}
		if (hasTexts(organisation)) {
			regions.add(organisation);
		}
		return regions;
	}
}
