package org.reconnect.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

	/** {@link #of} for several numbers, one lookup per policy. */
	Map<String, Contact> of(Collection<String> phones) {
		Map<String, Contact> known = new HashMap<>();
		preferences.orderedStream().forEach(policy -> policy.contacts(phones).forEach(known::putIfAbsent));
		Map<String, Contact> all = new HashMap<>();
		phones.forEach(phone -> all.put(phone, known.getOrDefault(phone, Contact.UNKNOWN)));
		return all;
	}
}
