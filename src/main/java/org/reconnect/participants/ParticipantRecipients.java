package org.reconnect.participants;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.reconnect.messaging.ContactPreferences;
import org.reconnect.messaging.RecipientPolicy;
import org.springframework.stereotype.Component;

/**
 * Tells messaging a participant's time zone, so quiet hours and the daily cap follow their local
 * day (their quiet hours and cap are the configured defaults until the profile holds its own); and
 * the channel they chose, with their language and first name for WhatsApp templates.
 */
@Component
class ParticipantRecipients implements RecipientPolicy, ContactPreferences {

	private final ParticipantService participants;

	ParticipantRecipients(ParticipantService participants) {
		this.participants = participants;
	}

	@Override
	public Optional<Recipient> recipient(String phone) {
		return participants.findByPhone(phone).map(participant -> Recipient.inZone(participant.zone()));
	}

	@Override
	public Map<String, Recipient> recipients(Collection<String> phones) {
		Map<String, Recipient> known = new HashMap<>();
		participants.findByPhones(phones).forEach((phone, participant) -> known.put(phone, Recipient.inZone(participant.zone())));
		return known;
	}

	@Override
	public Optional<Contact> contact(String phone) {
		return participants.findByPhone(phone).map(ParticipantRecipients::contact);
	}

	@Override
	public Map<String, Contact> contacts(Collection<String> phones) {
		Map<String, Contact> known = new HashMap<>();
		participants.findByPhones(phones).forEach((phone, participant) -> known.put(phone, contact(participant)));
		return known;
	}

	private static Contact contact(ParticipantProfile participant) {
		return new Contact(participant.channel(), participant.smsFallback(), participant.language(),
				participant.firstName());
	}
}
