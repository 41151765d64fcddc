package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Whose crisis lines a person gets: the country of their phone number when the bundles have its
 * texts (MX, ES and US are shipped), else the organisation's region; +1 numbers by area code.
 */
class CrisisRegionsTests {

	@Test
	void aNumberFromACountryWithTextsGetsThatCountrysLines() {
		CrisisRegions us = regions("US");
		assertThat(us.of("+525512345678")).isEqualTo(new CrisisRegion("MX", true));
		assertThat(us.of("+34612345678")).isEqualTo(new CrisisRegion("ES", true));
		assertThat(us.of("+12025550143")).isEqualTo(new CrisisRegion("US", true));
		assertThat(regions("MX").of("+12025550143")).as("a US number in a Mexican organisation")
			.isEqualTo(new CrisisRegion("US", true));
	}

	@Test
	void aNumberFromACountryWithoutTextsGetsTheOrganisations() {
		assertThat(regions("US").of("+447911123456")).as("no UK texts").isEqualTo(new CrisisRegion("US", false));
		assertThat(regions("ES").of("+447911123456")).isEqualTo(new CrisisRegion("ES", false));
	}

	@Test
	void plusOneNumbersAreReadByAreaCode() {
		assertThat(regions("MX").of("+14165550143")).as("Toronto is Canada, which has no texts")
			.isEqualTo(new CrisisRegion("MX", false));
		assertThat(regions("MX").of("+16175550143")).as("Boston is the United States")
			.isEqualTo(new CrisisRegion("US", true));
	}

	@Test
	void noNumberToGoByGetsTheOrganisations() {
		assertThat(regions("es").of(null)).as("a web chat nobody enrolled; the setting in any case")
			.isEqualTo(new CrisisRegion("ES", false));
		assertThat(regions("US").of("not a number")).isEqualTo(new CrisisRegion("US", false));
		assertThat(regions("US").of("+80012345678")).as("an international freephone: no country")
			.isEqualTo(new CrisisRegion("US", false));
	}

	@Test
	void theRegionsWithTextsAreThoseTheBundlesHold() {
		assertThat(regions("US").withTexts()).containsExactly("ES", "MX", "US");
		assertThat(regions("XX").withTexts()).as("an organisation without texts is not one").containsExactly("ES", "MX", "US");
	}

	private static CrisisRegions regions(String organisation) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/crisis");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return CrisisResourcesTests.regions(messages, organisation);
	}
}
