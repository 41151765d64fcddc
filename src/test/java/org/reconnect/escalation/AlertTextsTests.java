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

	static final List<String> ALLOWED_PLACEHOLDERS = List.of("participant", "ally", "coach", "day", "date", "time");

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
	void theCheckCatchesAForbiddenWord() {
		assertThat(ForbiddenWords.in("Hi {ally}, Sam missed a meeting")).containsExactly("meeting");
		assertThat(ForbiddenWords.in("Hi {ally}, Sam is at AA tonight")).containsExactly("AA");
	}
}
