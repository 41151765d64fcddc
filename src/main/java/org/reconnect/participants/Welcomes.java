package org.reconnect.participants;

import java.util.Locale;

import org.reconnect.messaging.MessagingSettings;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first text a new participant gets: who writes, that a short check-in comes once a day and
 * when, and HELP and STOP. A notice through the outbox (held in their quiet hours, on their
 * channel), not a conversation: it opens no flow and holds back no check-in.
 */
@Component
class Welcomes {

	private static final Logger log = LoggerFactory.getLogger(Welcomes.class);

	private final Participants participants;
	private final ParticipantSettings settings;
	private final Messenger messenger;
	private final MessageSource texts;
	private final String programName;
	private final CoachNames coaches;

	Welcomes(Participants participants, ParticipantSettings settings, Messenger messenger, MessageSource texts,
			MessagingSettings messaging, CoachNames coaches) {
		this.participants = participants;
		this.coaches = coaches;
		this.settings = settings;
		this.messenger = messenger;
		this.texts = texts;
		this.programName = messaging.programName();
	}

	@EventListener
	void on(ParticipantEnrolled enrolled) {
		try {
			participants.findById(enrolled.participant().value())
				.map(participant -> participant.profile(settings.responsiveness()))
				.filter(ParticipantProfile::active) // someone paused or opted out is not written to
				.ifPresent(this::welcome);
		}
		catch (RuntimeException ex) {
			// The enrolment stands (it is stored); the coach can write to them from their page.
			log.error("The welcome to participant {} could not be handed to the outbox", enrolled.participant(), ex);
		}
	}

	private void welcome(ParticipantProfile participant) {
		// The coach and program named as the flows name them ({coach_name}, {program_name}).
		String text = texts.getMessage("welcome",
				new Object[] { participant.firstName(), programName, coaches.nameParticipantsRead(participant.coach()),
						participant.checkInTime().toString() },
				participant.locale().orElse(Locale.ROOT));
		var result = messenger.send(new OutboundMessage(participant.phone(), text, Purpose.NOTICE,
				participant.id().value()));
		log.info("Welcome to participant {}: {}", participant.id(), result.outcome());
	}
}
