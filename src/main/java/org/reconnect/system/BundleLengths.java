package org.reconnect.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns, per language, about a bundle text that takes more than one SMS: it costs more, and its
 * parts can arrive out of order. Like the flow validator's warnings, it never stops the service.
 * The web chat page, e-mails and the API's problem details are not SMS and are left out.
 */
@Component
public class BundleLengths {

	private static final Logger log = LoggerFactory.getLogger(BundleLengths.class);

	/** "alerts_es.properties": the purpose, then the language tag (es, pt_BR). */
	private static final Pattern FILE = Pattern.compile("(.+?)(?:_([a-z]{2,3}(?:_[A-Z]{2})?))?\\.properties");

	private static final Pattern NAMED = Pattern.compile("\\{[a-z_]+\\}");

	private static final Pattern NUMBERED = Pattern.compile("\\{\\d");

	/** A placeholder is measured as a longish first name, as in the flow validator. */
	private static final String SAMPLE = "Alexandra";

	/** At start, one line per text; at INFO: a long crisis text is there on purpose, and says so every start. */
	@EventListener(ApplicationReadyEvent.class)
	void warn() {
		warnings(bundles()).forEach(warning -> log.info("Message bundle, more than one SMS: {}", warning));
	}

	/**
	 * "check-in.question (es): 2 SMS segments (85 UCS-2 characters, because of 'á', which GSM-7
	 * lacks)", for every SMS text over one segment; by bundle, then key, then language.
	 */
	public static List<String> warnings(Map<String, Map<String, Properties>> bundles) {
		List<String> warnings = new ArrayList<>();
		bundles.forEach((bundle, languages) -> {
			if (bundle.equals("web-chat") || bundle.equals("problems")) {
				return;
			}
			Map<String, Map<String, String>> byKey = new TreeMap<>();
			languages.forEach((language, texts) -> texts.stringPropertyNames()
				.forEach(key -> byKey.computeIfAbsent(key, k -> new TreeMap<>())
					.put(language.isEmpty() ? "base" : language, texts.getProperty(key))));
			byKey.forEach((key, texts) -> {
				if (key.contains(".email.")) {
					return;
				}
				texts.forEach((language, text) -> {
					SmsLength length = SmsLength.of(sample(text, language));
					if (length.segments() > 1) {
						warnings.add(bundle + ": " + key + " (" + language + "): " + length.describe());
					}
				});
			});
		});
		return warnings;
	}

	/** The text as sent: named placeholders and MessageFormat arguments filled with samples. */
	static String sample(String text, String language) {
		String named = NAMED.matcher(text).replaceAll(SAMPLE);
		if (!NUMBERED.matcher(named).find()) {
			return named;
		}
		MessageFormat format = new MessageFormat(named, Locale.forLanguageTag(language.equals("base") ? "und" : language));
		Object[] arguments = new Object[format.getFormatsByArgumentIndex().length];
		for (int i = 0; i < arguments.length; i++) {
			// a number or choice argument gets a number that picks the plural form
			arguments[i] = format.getFormatsByArgumentIndex()[i] == null ? SAMPLE : 2;
		}
		return format.format(arguments);
	}

	/** Each bundle under messages/ by language ("" for the base file). */
	public static Map<String, Map<String, Properties>> bundles() {
		Map<String, Map<String, Properties>> bundles = new TreeMap<>();
		try {
			for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties")) {
				Matcher name = FILE.matcher(file.getFilename());
				if (name.matches()) {
					bundles.computeIfAbsent(name.group(1), b -> new TreeMap<>())
						.put(name.group(2) == null ? "" : name.group(2),
								PropertiesLoaderUtils.loadProperties(new EncodedResource(file, StandardCharsets.UTF_8)));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bundles;
	}
}
