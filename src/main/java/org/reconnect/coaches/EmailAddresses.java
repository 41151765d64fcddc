package org.reconnect.coaches;

import org.reconnect.system.InvalidInput;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Reads an e-mail address given for a staff account, by the mail library's own strict rules. */
final class EmailAddresses {

	/** RFC 5321's longest path, less the angle brackets. */
	private static final int LONGEST = 254;

	private EmailAddresses() {
	}

	/**
	 * @return the address, trimmed; null when blank
	 * @throws InvalidInput naming the field when it is not one plain address such as sam@example.org
	 */
	static String read(String field, String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String address = raw.trim();
		if (address.length() <= LONGEST && address.indexOf('@') > 0) {
			try {
				InternetAddress parsed = new InternetAddress(address, true);
				parsed.validate();
				// one bare address: no display name, no group, nothing the parser dropped
				if (parsed.getPersonal() == null && !parsed.isGroup() && address.equals(parsed.getAddress())) {
					return address;
				}
			}
			catch (AddressException ex) {
				// refused below
			}
		}
		throw InvalidInput.of(field, "problem.email", LONGEST);
	}
}
