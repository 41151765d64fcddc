package org.reconnect.escalation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;

/**
 * The texts of alerts, nudges and notices, one file per language in {@code alerts/}. A text can
 * only name people, a day, a date or a time: placeholders are filled from those alone, so nothing
 * a participant answered can ever reach an alert.
 */
@Component
class AlertTexts {

	static final Set<String> LANGUAGES = Set.of("en", "es");

	private final Map<String, Properties> byLanguage = new TreeMap<>();

	AlertTexts() {
		for (String language : LANGUAGES) {
			byLanguage.put(language, load(language));
		}
	}

	static Properties load(String language) {
		try {
			return PropertiesLoaderUtils.loadProperties(
					new EncodedResource(new ClassPathResource("alerts/alerts_" + language + ".properties"),
							StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	boolean has(String key) {
		return byLanguage.get("en").containsKey(key);
	}

	/**
	 * @param values placeholder values: first names, a day, a date, a time; never answers
	 */
	String render(String key, String language, Map<String, String> values) {
		Properties texts = byLanguage.getOrDefault(language, byLanguage.get("en"));
		String text = texts.getProperty(key, byLanguage.get("en").getProperty(key));
		if (text == null) {
			throw new IllegalStateException("no alert text '" + key + "' in alerts/alerts_en.properties");
		}
		for (Map.Entry<String, String> value : values.entrySet()) {
			text = text.replace("{" + value.getKey() + "}", value.getValue());
		}
		return text;
	}
}
