package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reconnect.system.PhoneNumbers;
import org.reconnect.system.SystemSettings;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Crisis resources by region and language, from the message bundles: the shipped US, MX and ES
 * texts in English and Spanish, no coach promised to someone without one, the fallbacks when a
 * region or a language has no text, and what the start-up check says about it.
 */
class CrisisResourcesTests {

	@Test
	void theUnitedStatesByDefaultInEnglishAndSpanish() {
		CrisisResources us = resources("messages/crisis", "US");

		assertThat(us.text(CrisisResponse.CRISIS, true, "en", null)).isEqualTo("You're not alone, and you matter. If you might "
				+ "act on these thoughts, call or text 988 (Suicide & Crisis Lifeline) now, or 911 if you're in danger. "
				+ "I've let your coach know.");
		assertThat(us.text(CrisisResponse.CRISIS, true, "es", null)).contains("988 y marca 2", "AYUDA", "911")
			.endsWith("Ya le avisé a tu coach.");
		assertThat(us.text(CrisisResponse.OVERDOSE, true, "en", null)).startsWith("If someone has taken too much")
			.contains("911", "naloxone", "988");
		assertThat(us.text(CrisisResponse.DANGER, false, "es", null)).contains("911", "1-800-799-7233");
		assertThat(us.text(CrisisResponse.CRISIS, true, null, null)).as("language unknown: the base bundle, English")
			.startsWith("You're not alone");
		assertThat(us.text(CrisisResponse.CRISIS, true, "fr", null)).as("no French: English").startsWith("You're not alone");
	}

	@Test
	void someoneNobodyEnrolledIsNeverPromisedACoach() {
		for (String region : List.of("US", "MX", "ES", "XX")) {
			CrisisResources resources = resources("messages/crisis", region);
			for (CrisisResponse reply : CrisisResponse.values()) {
				for (String language : List.of("en", "es")) {
					assertThat(resources.text(reply, false, language, null)).as(region + " " + reply + " " + language)
						.doesNotContainIgnoringCase("coach");
					assertThat(resources.text(reply, true, language, null)).as(region + " " + reply + " " + language)
						.containsIgnoringCase("coach");
				}
			}
		}
	}

	@Test
	void theRegionIsTheOrganisationsSetting() {
		assertThat(resources("messages/crisis", "MX").text(CrisisResponse.CRISIS, true, "es", null)).contains("800 911 2000");
		assertThat(resources("messages/crisis", "es").text(CrisisResponse.CRISIS, false, "es", null)).contains("024", "112");
		assertThat(resources("messages/crisis", "ES").text(CrisisResponse.DANGER, true, "en", null)).contains("112", "016");
	}

	@Test
	void theShippedRegionsSpeakBothLanguages() {
		for (String region : List.of("US", "MX", "ES")) {
			assertThat(resources("messages/crisis", region).gaps(Set.of("en", "es"))).as(region).isEmpty();
		}
	}

	@Test
	void aRegionWithoutTextsGetsTheGenericOneAndAWarning() {
		CrisisResources unknown = resources("messages/crisis", "XX");

		assertThat(unknown.text(CrisisResponse.CRISIS, true, "en", null)).startsWith("You're not alone")
			.contains("local emergency number")
			.doesNotContain("988");
		assertThat(unknown.text(CrisisResponse.OVERDOSE, false, "es", null)).contains("número de emergencias local");
		assertThat(unknown.gaps(Set.of("en", "es"))).singleElement()
			.asString()
			.contains("no texts for region 'XX'", "generic text");
	}

	@Test
	void aLanguageTheRegionLacksGetsItsBaseLanguageTextAndAWarning() {
		CrisisResources partial = resources("crisis-resources/partial", "ZZ");

		assertThat(partial.text(CrisisResponse.CRISIS, true, "es", null)).as("the region's numbers over the language")
			.isEqualTo("ZZ crisis line 123. I've let your coach know.");
		assertThat(partial.text(CrisisResponse.OVERDOSE, false, "en", null)).as("no overdose text: the region's crisis text")
			.isEqualTo("ZZ crisis line 123.");
		List<String> gaps = partial.gaps(Set.of("en", "es", "fr"));
		assertThat(gaps).hasSize(3);
		assertThat(gaps.get(0)).contains("'en'", "overdose.participant", "danger.stranger").doesNotContain("crisis.participant");
		assertThat(gaps.get(1)).contains("'es'", "crisis.participant", "crisis.stranger", "overdose.participant");
		assertThat(gaps.get(2)).contains("'fr'");
	}

	@Test
	void theUrgentLineAndTheEmergencyNumberAreTheRegionsInTheReadersLanguage() {
		CrisisResources us = resources("messages/crisis", "US");
		assertThat(us.line(CrisisResources.Line.URGENT, "en", null)).isEqualTo("call or text 988");
		assertThat(us.line(CrisisResources.Line.URGENT, "es", null)).isEqualTo("llama o escribe al 988");
		assertThat(us.line(CrisisResources.Line.EMERGENCY, null, null)).isEqualTo("call 911");
		CrisisResources mexico = resources("messages/crisis", "MX");
		assertThat(mexico.line(CrisisResources.Line.URGENT, "es", null)).isEqualTo("llama a la Línea de la Vida, 800 911 2000");
		CrisisResources spain = resources("messages/crisis", "ES");
		assertThat(spain.line(CrisisResources.Line.URGENT, "en", null)).isEqualTo("call 024");
		assertThat(spain.line(CrisisResources.Line.EMERGENCY, "es", null)).isEqualTo("llama al 112");
		CrisisResources elsewhere = resources("messages/crisis", "XX");
		assertThat(elsewhere.line(CrisisResources.Line.URGENT, "en", null))
			.isEqualTo("call your local emergency number or a crisis line");
		assertThat(elsewhere.line(CrisisResources.Line.EMERGENCY, "es", null)).isEqualTo("llama al número de emergencias local");
	}

	@Test
	void theLinesAreThoseOfTheCountryOfThePhoneNumberOrTheGeneralTextWhenTheBundlesLackThem() {
		CrisisResources us = resources("messages/crisis", "US");

		assertThat(us.text(CrisisResponse.CRISIS, true, "es", "+525512345678")).as("a Mexican SIM cannot call 988")
			.contains("Línea de la Vida", "800 911 2000")
			.endsWith("Ya le avisé a tu coach.")
			.doesNotContain("988");
		assertThat(us.text(CrisisResponse.OVERDOSE, false, "en", "+34612345678")).contains("112", "024")
			.doesNotContain("911");
		assertThat(us.text(CrisisResponse.CRISIS, false, "en", "+447400123456")).as("no UK texts: the general text")
			.contains("your local emergency number")
			.doesNotContain("988", "911");
		assertThat(us.text(CrisisResponse.CRISIS, true, "en", "+14165550143")).as("Canada has its own 988")
			.contains("988 (Suicide Crisis Helpline)", "911");
		assertThat(us.line(CrisisResources.Line.URGENT, "es", "+34612345678")).isEqualTo("llama al 024");
		assertThat(us.line(CrisisResources.Line.EMERGENCY, "en", "+525512345678")).isEqualTo("call 911");
		assertThat(resources("messages/crisis", "ES").line(CrisisResources.Line.URGENT, "en", "+12025550143"))
			.isEqualTo("call or text 988");
		assertThat(us.region("+525512345678")).isEqualTo(new CrisisRegion("MX", true, true));
	}

	@Test
	void theStartUpCheckNamesEveryRegionWithTextsThatLacksALanguage() {
		CrisisResources abroad = resources("crisis-resources/abroad", "US");

		List<String> gaps = abroad.gaps(Set.of("en", "es"));

		assertThat(gaps).hasSize(3);
		assertThat(gaps.get(0)).contains("no texts for region 'US'");
		assertThat(gaps.get(1)).contains("region 'FR'", "'en'", "overdose.participant").doesNotContain("crisis.participant");
		assertThat(gaps.get(2)).contains("region 'FR'", "'es'", "crisis.participant");
	}

	@Test
	void withoutTheGenericTextsTheServiceDoesNotStart() {
		assertThatThrownBy(() -> resources("crisis-resources/nothing", "US")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("crisis.generic.crisis.participant");
	}

	/** The message source as Spring Boot builds it from application.yml's spring.messages. */
	static CrisisResources resources(String basename, String region) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames(basename);
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new CrisisResources(messages, regions(messages, region), null, null);
	}

	/** The region choice for an organisation in the region, numbers read as the application reads them (US). */
	static CrisisRegions regions(MessageSource messages, String organisation) {
		EscalationSettings settings = new EscalationSettings(organisation, LocalTime.of(21, 0), LocalTime.of(8, 0), null,
				Duration.ofMinutes(5));
		PhoneNumbers phones = new PhoneNumbers(new SystemSettings(Path.of("./data"), 64, false, false, null, "US"));
		return new CrisisRegions(messages, phones, settings);
	}
}
