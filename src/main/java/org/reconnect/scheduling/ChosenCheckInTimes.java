package org.reconnect.scheduling;

import java.time.LocalTime;
import java.util.Locale;

import org.reconnect.flows.CheckInTimeChosen;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.system.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A check-in time the participant chose themselves (onboarding, by text). One inside their quiet
 * hours could never be sent, so it is not taken: their check-in stays where it was and they are
 * told why, in their language, rather than silently getting no check-ins at all.
 */
@Component
class ChosenCheckInTimes {

	private static final Logger log = LoggerFactory.getLogger(ChosenCheckInTimes.class);

	private final ParticipantService participants;
	private final CheckInSlots slots;
	private final Messenger messenger;
	private final MessageSource texts;

	ChosenCheckInTimes(ParticipantService participants, CheckInSlots slots, Messenger messenger, MessageSource texts) {
		this.participants = participants;
		this.slots = slots;
		this.messenger = messenger;
		this.texts = texts;
	}

	@EventListener
	void on(CheckInTimeChosen chosen) {
		try {
			ParticipantProfile participant = participants.changeCheckInTime(chosen.participant(), chosen.time());
			slots.schedule(participant.id(), participant.zone(), participant.checkInTime());
		}
		catch (InvalidInput inQuietHours) {
			participants.find(chosen.participant()).ifPresent(participant -> refuse(participant, chosen.time()));
		}
	}

	private void refuse(ParticipantProfile participant, LocalTime chosen) {
		var quiet = participants.quietHoursOf(participant);
		String text = texts.getMessage("check-in.time-in-quiet-hours",
				new Object[] { chosen.toString(), quiet.describe(), participant.checkInTime().toString() },
				Locale.forLanguageTag(participant.language()));
		messenger.send(new OutboundMessage(participant.phone(), text, Purpose.REPLY, participant.id().value()));
		log.info("Participant {} chose a check-in time inside their quiet hours; it stays at {}", participant.id(),
				participant.checkInTime());
	}
}
