package org.reconnect.console.pages;

import java.util.LinkedHashMap;
import java.util.Map;

import org.reconnect.system.InvalidInput;

/**
 * A form's errors by field, with the same messages as the API's problem details, for showing
 * next to each field ({@code ${errors.has('phone')}}, {@code ${errors.get('phone')}}).
 */
public final class FieldErrors {

	private final Map<String, String> byField = new LinkedHashMap<>();

	public static FieldErrors none() {
		return new FieldErrors();
	}

	public static FieldErrors of(InvalidInput invalid) {
		FieldErrors errors = new FieldErrors();
		invalid.problems().forEach(problem -> errors.add(problem.field(), problem.message()));
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
