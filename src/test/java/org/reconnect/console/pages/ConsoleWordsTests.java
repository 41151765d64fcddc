package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.reconnect.consent.AlertKind;
import org.reconnect.escalation.Audience;
import org.reconnect.messaging.ChannelKind;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every word the participant page, its edit page and the caseload cover page show is in the console
 * bundle, in English and Spanish: each key a template names, and each key it builds from a value
 * (a channel, an audience, a kind of alert, a consent state), so no page shows "??key??".
 */
class ConsoleWordsTests {

	private static final Pattern KEY = Pattern.compile("#\\{(participant\\.[A-Za-z0-9.-]+)[(}]");

	private static final List<String> TEMPLATES = List.of("participant.html", "participant-edit.html",
			"caseload-cover.html");

	@Test
	void everyKeyTheTemplatesNameIsInEveryLanguage() throws IOException {
		List<String> keys = new ArrayList<>();
		for (String template : TEMPLATES) {
			Matcher key = KEY.matcher(Files.readString(Path.of("src/main/resources/templates", template), StandardCharsets.UTF_8));
			while (key.find()) {
				keys.add(key.group(1));
			}
		}
		assertThat(keys).hasSizeGreaterThan(100);
		assertEveryLanguageHas(keys);
	}

	@Test
	void everyValueThePagesNameInWordsIsInEveryLanguage() {
		List<String> keys = new ArrayList<>();
		Arrays.stream(ChannelKind.values()).forEach(kind -> keys.add("participant.channel." + kind));
		Arrays.stream(Audience.values()).forEach(audience -> keys.add("participant.audience." + audience));
		Arrays.stream(AlertKind.values()).forEach(kind -> keys.add("participant.kind." + kind));
		List.of("REQUESTED", "EXPIRED", "GRANTED", "LAPSED", "DECLINED", "REVOKED", "WITHDRAWN")
			.forEach(state -> keys.add("participant.consent.state." + state));
		Arrays.stream(org.reconnect.consent.ConsentChange.values())
			.forEach(change -> keys.add("participant.consent.change." + change));
		List.of("nudge", "quiet", "gentle").forEach(text -> keys.add("participant.ladder.text." + text));
		List.of("QUEUED", "SENT", "FAILED", "SUPPRESSED", "DROPPED")
			.forEach(status -> keys.add("participant.status.message." + status));
		assertEveryLanguageHas(keys);
	}

	private static void assertEveryLanguageHas(List<String> keys) {
		ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
		texts.setBasename("messages/console");
		texts.setDefaultEncoding("UTF-8");
		texts.setFallbackToSystemLocale(false);
		List<String> missing = new ArrayList<>();
		for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
			for (String key : keys) {
				try {
					texts.getMessage(key, new Object[] { 1, "a", "b" }, locale);
				}
				catch (NoSuchMessageException ex) {
					missing.add(key + " (" + locale + ")");
				}
			}
		}
		assertThat(missing).isEmpty();
	}
}
