package org.reconnect.console.pages;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.reconnect.system.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A form's errors by field, with the same messages as the API's problem details, for showing
 * next to each field ({@code ${errors.has('phone')}}, {@code ${errors.get('phone')}}).
 */
public final class FieldErrors {

	private final Map<String, String> byField = new LinkedHashMap<>();

	public static FieldErrors none() {
		return new FieldErrors();
	}

	/** Each problem in the page's language (the console's choice, else the browser's). */
	public static FieldErrors of(InvalidInput invalid, MessageSource texts) {
		FieldErrors errors = new FieldErrors();
		Locale locale = LocaleContextHolder.getLocale();
		invalid.problems().forEach(problem -> errors.add(problem.field(), problem.messageIn(texts, locale)));
		return errors;
	}

	public FieldErrors add(String field, String message) {
		byField.merge(field, message, (a, b) -> a + "; " + b);
		return this;
	}

	public boolean has(String field) {
		return byField.containsKey(field);
	}

	public String get(String field) {
		return byField.get(field);
	}

	public boolean isEmpty() {
		return byField.isEmpty();
	}

	public Map<String, String> all() {
		return byField;
	}
}
