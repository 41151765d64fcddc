package org.reconnect.messaging;

import java.util.Optional;

import org.reconnect.messaging.ContactPreferences.Contact;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** A number's channel preferences, from the modules that know people; SMS for anyone else. */
@Component
class Contacts {

	private final ObjectProvider<ContactPreferences> preferences;

	Contacts(ObjectProvider<ContactPreferences> preferences) {
		this.preferences = preferences;
	}

	Contact of(String phone) {
		Optional<Contact> known = preferences.orderedStream()
			.map(policy -> policy.contact(phone))
			.flatMap(Optional::stream)
			.findFirst();
		return known.orElse(Contact.UNKNOWN);
	}
}
