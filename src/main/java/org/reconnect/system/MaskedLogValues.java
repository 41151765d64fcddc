package org.reconnect.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * A net under the rule that logs never show a phone number: in the JSON logs (production) every
 * string value, the message and a stack trace included, has what looks like a phone number in
 * E.164 (also URL-encoded, {@code %2B...}) masked as {@link Masking#phone} does. The code masks
 * numbers itself; this catches what a library quotes, such as a database error naming a key.
 * Message texts cannot be recognised this way: the code never logs them.
 */
public class MaskedLogValues implements StructuredLoggingJsonMembersCustomizer<Object> {

	private static final Pattern PHONE = Pattern.compile("(\\+|%2B|%2b)(\\d{7,15})");

	@Override
	public void customize(JsonWriter.Members<Object> members) {
		members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, MaskedLogValues::mask));
	}

	static String mask(String value) {
		if (value == null || (value.indexOf('+') < 0 && value.indexOf('%') < 0)) {
			return value;
		}
		Matcher numbers = PHONE.matcher(value);
		return numbers.replaceAll(number -> Matcher
			.quoteReplacement(number.group(1) + Masking.phone("+" + number.group(2)).substring(1)));
	}
}
