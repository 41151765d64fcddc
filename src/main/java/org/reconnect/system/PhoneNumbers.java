package org.reconnect.system;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Turns what people type as a phone number into E.164, or says why it cannot. */
@Component
public class PhoneNumbers {

	private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
	private final String defaultRegion;

	@Autowired
	public PhoneNumbers(SystemSettings settings) {
		this(settings.defaultRegion());
	}

	PhoneNumbers(String defaultRegion) {
		this.defaultRegion = defaultRegion;
	}

	/**
	 * @param field the input field, named in the error
	 * @throws InvalidInput when the number cannot be parsed or is not a valid number
	 */
	public String toE164(String field, String raw) {
		if (raw == null || raw.isBlank()) {
			throw InvalidInput.of(field, "problem.phone.required");
		}
		try {
			PhoneNumber number = util.parse(raw, defaultRegion);
			if (!util.isValidNumber(number)) {
				throw InvalidInput.of(field, "problem.phone.invalid");
			}
			return util.format(number, PhoneNumberFormat.E164);
		}
		catch (NumberParseException ex) {
			throw InvalidInput.of(field, "problem.phone.unreadable", ex.getErrorType());
		}
	}

	/**
	 * How people in the number's own country write it, e.g. (202) 555-0143; with the country code
	 * when the number is from another region than the default, e.g. +34 612 34 56 78.
	 *
	 * @throws InvalidInput as {@link #toE164} does
	 */
	public String national(String field, String raw) {
		String e164 = toE164(field, raw);
		try {
			PhoneNumber number = util.parse(e164, defaultRegion);
			boolean home = defaultRegion.equals(util.getRegionCodeForNumber(number));
			return util.format(number, home ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
		}
		catch (NumberParseException ex) {
			return e164; // cannot happen: it was just formatted from a valid number
		}
	}

	/**
	 * The country (ISO 3166 code) a number in E.164 belongs to, e.g. MX for +52...; +1 numbers by
	 * their area code (US, CA, ...). Empty for a number that is not valid or belongs to no one
	 * country (+800 ...), and for null.
	 */
	public Optional<String> country(String e164) {
		if (e164 == null || e164.isBlank()) {
			return Optional.empty();
		}
		try {
			String region = util.getRegionCodeForNumber(util.parse(e164, defaultRegion));
			return region == null || "ZZ".equals(region) || "001".equals(region) ? Optional.empty() : Optional.of(region);
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/** E.164 when the text is a valid number, else null; for numbers that arrive from a carrier. */
	public String normalise(String raw) {
		try {
			return toE164("phone", raw);
		}
		catch (InvalidInput ex) {
			return null;
		}
	}
}
