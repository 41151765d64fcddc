package org.reconnect.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the owner of a phone number wants to be written to, answered by the modules that know
 * people (participants). A number no implementation knows (an ally, a coach) gets SMS.
 */
public interface ContactPreferences {

	/** Empty when this implementation does not know the number. */
	Optional<Contact> contact(String phone);

	/**
	 * {@link #contact} for several numbers (a batch of messages); numbers not known are left out.
	 * Override to answer in one lookup.
	 */
	default Map<String, Contact> contacts(Collection<String> phones) {
		Map<String, Contact> known = new HashMap<>();
		phones.forEach(phone -> contact(phone).ifPresent(contact -> known.put(phone, contact)));
		return known;
	}

	/**
	 * @param channel the preferred channel
	 * @param smsFallback whether a WhatsApp message that cannot go, or fails, is sent again by SMS
	 * @param language their language tag, which picks the WhatsApp template; null for a number
	 * nobody enrolled, whose language is not known
	 * @param firstName what a template calls them
	 */
	record Contact(ChannelKind channel, boolean smsFallback, String language, String firstName) {

		static final Contact UNKNOWN = new Contact(ChannelKind.SMS, true, null, "");
	}
}
