package org.reconnect.participants;

import java.util.Optional;

import org.reconnect.messaging.RecipientPolicy;
import org.springframework.stereotype.Component;

/**
 * Tells messaging a participant's time zone, so quiet hours and the daily cap follow their local
 * day; their quiet hours and cap are the configured defaults until the profile holds its own.
 */
@Component
class ParticipantRecipients implements RecipientPolicy {

	private final ParticipantService participants;

	ParticipantRecipients(ParticipantService participants) {
		this.participants = participants;
	}

	@Override
	public Optional<Recipient> recipient(String phone) {
		return participants.findByPhone(phone).map(participant -> Recipient.inZone(participant.zone()));
	}
}
