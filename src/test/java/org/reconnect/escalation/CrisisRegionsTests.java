package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Whose crisis lines a person gets: the country of their phone number (the bundles ship CA, ES, MX
 * and US; another country gets the general text, never the organisation's numbers), else, with no
 * number to go by, the organisation's region; +1 numbers by area code.
 */
class CrisisRegionsTests {

	@Test
	void aNumberFromACountryWithTextsGetsThatCountrysLines() {
		CrisisRegions us = regions("US");
		assertThat(us.of("+525512345678")).isEqualTo(new CrisisRegion("MX", true, true));
		assertThat(us.of("+34612345678")).isEqualTo(new CrisisRegion("ES", true, true));
		assertThat(us.of("+12025550143")).isEqualTo(new CrisisRegion("US", true, true));
		assertThat(regions("MX").of("+12025550143")).as("a US number in a Mexican organisation")
			.isEqualTo(new CrisisRegion("US", true, true));
	}

	@Test
	void aNumberFromACountryWithoutTextsGetsTheGeneralTextNotTheOrganisationsNumbers() {
		assertThat(regions("US").of("+447400123456")).as("no UK texts: 988 cannot be called from a British phone")
			.isEqualTo(new CrisisRegion("GB", true, false));
		assertThat(regions("ES").of("+447400123456")).isEqualTo(new CrisisRegion("GB", true, false));
	}

	@Test
	void plusOneNumbersAreReadByAreaCode() {
		assertThat(regions("MX").of("+14165550143")).as("Toronto is Canada, with its own 988")
			.isEqualTo(new CrisisRegion("CA", true, true));
		assertThat(regions("MX").of("+16175550143")).as("Boston is the United States")
			.isEqualTo(new CrisisRegion("US", true, true));
	}

	@Test
	void noNumberToGoByGetsTheOrganisations() {
		assertThat(regions("es").of(null)).as("a web chat nobody enrolled; the setting in any case")
			.isEqualTo(new CrisisRegion("ES", false, true));
		assertThat(regions("US").of("not a number")).isEqualTo(new CrisisRegion("US", false, true));
		assertThat(regions("US").of("+80012345678")).as("an international freephone: no country")
			.isEqualTo(new CrisisRegion("US", false, true));
	}

	@Test
	void theRegionsWithTextsAreThoseTheBundlesHold() {
		assertThat(regions("US").withTexts()).containsExactly("CA", "ES", "MX", "US");
		assertThat(regions("XX").withTexts()).as("an organisation without texts is not one")
			.containsExactly("CA", "ES", "MX", "US");
		assertThat(regions("XX").of(null)).as("an organisation without texts: the general text")
			.isEqualTo(new CrisisRegion("XX", false, false));
	}

	private static CrisisRegions regions(String organisation) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/crisis");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return CrisisResourcesTests.regions(messages, organisation);
	}
}
