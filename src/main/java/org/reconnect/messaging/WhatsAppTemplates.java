package org.reconnect.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The approved WhatsApp templates, configured by name and language, and how a message fills one.
 * A message's template is named after its purpose (a check-in uses daily-checkin, a reminder
 * reminder, a nudge nudge); a language without its own template has none (it is never sent in
 * another language).
 */
class WhatsAppTemplates {

	static final String FIRST_NAME = "first-name";
	static final String TEXT = "text";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MessagingSettings.WhatsApp settings;

	WhatsAppTemplates(MessagingSettings.WhatsApp settings) {
		settings.templateVariables().forEach((name, fills) -> fills.forEach(fill -> {
			if (!List.of(FIRST_NAME, TEXT).contains(fill.trim())) {
				throw new IllegalStateException("reconnect.messaging.whatsapp.template-variables." + name + ": '" + fill
						+ "' is not a template variable: use first-name or text");
			}
		}));
		this.settings = settings;
	}

	/** The template name a purpose uses, e.g. daily-checkin for CHECK_IN. */
	static String nameOf(Purpose purpose) {
		return purpose == Purpose.CHECK_IN ? "daily-checkin" : purpose.name().toLowerCase().replace('_', '-');
	}

	/**
	 * The template for the message, filled in; empty when none is configured for its purpose and
	 * language, or the language is not known.
	 */
	Optional<WhatsAppCarrier.WhatsAppContent> fill(Purpose purpose, String language, String firstName, String text) {
		String name = nameOf(purpose);
		// a participant's language is always known (the configured default when none was kept,
		// ParticipantRecipients); an unknown number's is not, and no language stands in for it
		String sid = language == null ? null : settings.templates().getOrDefault(name, Map.of()).get(language);
		if (sid == null || sid.isBlank()) {
			return Optional.empty();
		}
		Map<String, String> variables = new LinkedHashMap<>();
		List<String> fills = settings.templateVariables().getOrDefault(name, List.of(FIRST_NAME));
		for (int i = 0; i < fills.size(); i++) {
			variables.put(String.valueOf(i + 1), value(fills.get(i).trim(), firstName, text));
		}
		try {
			return Optional.of(WhatsAppCarrier.WhatsAppContent.template(sid.trim(), JSON.writeValueAsString(variables)));
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("template variables could not be written as JSON", ex);
		}
	}

	/**
	 * WhatsApp refuses an empty variable, and one holding a newline, a tab or more than four spaces
	 * in a row (Twilio error 21656): text is put on one line.
	 */
	private static String value(String fill, String firstName, String text) {
		String value = switch (fill) {
			case TEXT -> text == null ? "" : text.replaceAll("\\s+", " ").trim();
			case FIRST_NAME -> firstName;
			default -> firstName; // not reached: the constructor checked every fill
		};
		return value == null || value.isBlank() ? "there" : value;
	}
}
