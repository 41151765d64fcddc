package org.reconnect.messaging;

import java.util.Optional;

/**
 * How the owner of a phone number wants to be written to, answered by the modules that know
 * people (participants). A number no implementation knows (an ally, a coach) gets SMS.
 */
public interface ContactPreferences {

	/** Empty when this implementation does not know the number. */
	Optional<Contact> contact(String phone);

	/**
	 * @param channel the preferred channel
	 * @param smsFallback whether a WhatsApp message that cannot go, or fails, is sent again by SMS
	 * @param language en or es: picks the WhatsApp template
	 * @param firstName what a template calls them
	 */
	record Contact(ChannelKind channel, boolean smsFallback, String language, String firstName) {

		static final Contact UNKNOWN = new Contact(ChannelKind.SMS, true, "en", "");
	}
}
