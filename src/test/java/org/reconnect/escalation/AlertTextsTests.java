package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.reconnect.ForbiddenWords;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Every alert text, in every language, against the words that must never appear in a message an
 * ally, a coach's phone or a lock screen could show: nothing that reveals a recovery program,
 * a health condition or anything the participant said.
 */
class AlertTextsTests {

	static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

	static final List<String> ALLOWED_PLACEHOLDERS = List.of("participant", "ally", "coach", "day", "date", "time", "service",
			"emergency");

	/** Every language's file, messages/alerts.properties and messages/alerts_<lang>.properties, by name. */
	static Map<String, Properties> files() throws IOException {
		Map<String, Properties> files = new TreeMap<>();
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/alerts*.properties")) {
			files.put(file.getFilename(), PropertiesLoaderUtils.loadProperties(new EncodedResource(file, StandardCharsets.UTF_8)));
		}
		assertThat(files).containsKey("alerts.properties").hasSizeGreaterThan(1);
		return files;
	}

	@Test
	void noAlertTextHoldsAWordThatMustNeverAppear() throws IOException {
		files().forEach((file, texts) -> {
			assertThat(texts).as(file).isNotEmpty();
			texts.forEach((key, value) -> {
				String text = value.toString();
				assertThat(ForbiddenWords.in(text)).as("%s %s: %s", file, key, text).isEmpty();
			});
		});
	}

	@Test
	void placeholdersCanOnlyBeNamesAndTimesSoNoAnswerCanEverBeFilledIn() throws IOException {
		files().forEach((file, texts) -> texts.forEach((key, value) -> {
			Matcher placeholder = PLACEHOLDER.matcher(value.toString());
			while (placeholder.find()) {
				assertThat(ALLOWED_PLACEHOLDERS).as("%s %s", file, key).contains(placeholder.group(1));
			}
		}));
	}

	@Test
	void staffTextsNameTheProgrammeFromItsSetting() {
		AlertTexts texts = texts("Puentes", "US");
		assertThat(texts.render("quiet.coach", null, Map.of("participant", "Nia", "day", "Friday")))
			.isEqualTo("Puentes: Nia hasn't checked in since Friday. Reply OK when you've seen this.");
		assertThat(texts.render("back.coach", "es", Map.of("participant", "Nia")))
			.isEqualTo("Puentes: Nia ha vuelto a dar señales. Gracias.");
	}

	@Test
	void anAllyInCrisisIsToldTheRegionsEmergencyNumberInTheirLanguage() {
		Map<String, String> names = Map.of("ally", "Ana", "participant", "Nia");
		assertThat(texts("Reconnect", "US").render("crisis.ally", "en", names))
			.endsWith("If you think they are in danger, call 911.");
		assertThat(texts("Reconnect", "ES").render("crisis.ally", "es", names))
			.endsWith("Si crees que corre peligro, llama al 112.")
			.doesNotContain("911");
		assertThat(texts("Reconnect", "ES").render("crisis.ally", "en", names))
			.endsWith("If you think they are in danger, call 112.");
		assertThat(texts("Reconnect", "XX").render("crisis.ally", "es", names))
			.endsWith("Si crees que corre peligro, llama al número de emergencias local.");
	}

	@Test
	void anAllyReadsTheEmergencyNumberOfTheirOwnPhonesCountry() {
		Map<String, String> names = Map.of("ally", "Ana", "participant", "Nia");
		AlertTexts us = texts("Reconnect", "US");
		assertThat(us.render("crisis.ally", "es", "+34612345678", names))
			.endsWith("Si crees que corre peligro, llama al 112.");
		assertThat(us.render("crisis.ally", "en", "+447400123456", names)).as("no UK texts: never 911")
			.endsWith("If you think they are in danger, call your local emergency number.");
	}

	@Test
	void theDayIsNamedInTheReadersLanguageAndInTheBaseTextsLanguageForStaff() {
		AlertTexts texts = texts("Reconnect", "US");
		var participant = PauseRequestTests.participant("en");
		java.time.Instant friday = java.time.Instant.parse("2030-03-08T15:00:00Z");
		assertThat(texts.day(friday, participant, "es")).isEqualTo("viernes");
		assertThat(texts.day(friday, participant, null)).isEqualTo("Friday");
	}

	/** The texts as the application builds them, for a programme name and a crisis region. */
	static AlertTexts texts(String programName, String region) {
		var messages = new org.springframework.context.support.ResourceBundleMessageSource();
		messages.setBasenames("messages/alerts", "messages/crisis");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		var messaging = new org.springframework.boot.context.properties.bind.Binder(
				new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
						Map.of("reconnect.messaging.program-name", programName)))
			.bindOrCreate("reconnect.messaging", org.reconnect.messaging.MessagingSettings.class);
		var crisis = new CrisisResources(messages, CrisisResourcesTests.regions(messages, region), null, null);
		return new AlertTexts(messages, messaging, crisis);
	}

	@Test
	void progressNotesToAlliesAreAmongTheTextsCheckedInEveryLanguage() throws IOException {
		// The checks above read every key of the alerts bundles; the progress notes must stay among them.
		files().forEach((file, texts) -> assertThat(texts.stringPropertyNames()).as(file)
			.contains("progress.first-check-in.ally", "progress.days.ally", "progress.days.30.ally",
					"progress.connected-week.ally", "progress.back.ally"));
	}

	@Test
	void theCheckCatchesAForbiddenWord() {
		assertThat(ForbiddenWords.in("Hi {ally}, Sam missed a meeting")).containsExactly("meeting");
		assertThat(ForbiddenWords.in("Hi {ally}, Sam is at AA tonight")).containsExactly("AA");
	}
}
