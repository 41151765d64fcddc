package org.reconnect.participants;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.reconnect.messaging.ContactPreferences;
import org.reconnect.messaging.RecipientPolicy;
import org.reconnect.messaging.Sender;
import org.reconnect.messaging.SenderLookup;
import org.springframework.stereotype.Component;

/**
 * Tells messaging a participant's time zone and their own quiet hours, so quiet hours and the daily
 * cap follow their local day (the cap is the configured default); and
 * the channel they chose, with their language and first name for WhatsApp templates; and who wrote
 * an inbound message, once for all its steps.
 */
@Component
class ParticipantRecipients implements RecipientPolicy, ContactPreferences, SenderLookup {

	private final ParticipantService participants;

	ParticipantRecipients(ParticipantService participants) {
		this.participants = participants;
	}

	@Override
	public Optional<Recipient> recipient(String phone) {
		return participants.findByPhone(phone).map(ParticipantRecipients::recipient);
	}

	@Override
	public Sender identify(String phone) {
		return participants.findByPhone(phone).<Sender>map(participant -> participant)
			.orElseGet(() -> new Sender.Unknown(phone));
	}

	@Override
	public Map<String, Recipient> recipients(Collection<String> phones) {
		Map<String, Recipient> known = new HashMap<>();
		participants.findByPhones(phones).forEach((phone, participant) -> known.put(phone, recipient(participant)));
		return known;
	}

	@Override
	public Optional<Contact> contact(String phone) {
		return participants.findByPhone(phone).map(this::contact);
	}

	@Override
	public Map<String, Contact> contacts(Collection<String> phones) {
		Map<String, Contact> known = new HashMap<>();
		participants.findByPhones(phones).forEach((phone, participant) -> known.put(phone, contact(participant)));
		return known;
	}

	/**
	 * Their zone, and their own quiet hours when the coach set some; the profile shows the standard
	 * 21:00-08:00 when none were set, and then messaging's configured default applies.
	 */
	private static Recipient recipient(ParticipantProfile participant) {
		QuietHours own = participant.quietHours();
		if (own == null || own.equals(QuietHours.DEFAULT)) {
			return Recipient.inZone(participant.zone());
		}
		return new Recipient(participant.zone(), own.start(), own.end(), null);
	}

	/** A participant enrolled before languages were kept reads the configured default (the first offered). */
	private Contact contact(ParticipantProfile participant) {
		String language = participant.language() != null ? participant.language() : participants.languages().get(0);
		return new Contact(participant.channel(), participant.smsFallback(), language, participant.firstName());
	}
}
