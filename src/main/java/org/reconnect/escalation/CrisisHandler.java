package org.reconnect.escalation;

import java.time.Clock;

import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.system.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First of all handlers, in any state and at any hour: crisis language gets crisis resources at
 * once and the coach is told. It is never taken as an answer to a check-in.
 */
@Component
@Order(-100)
class CrisisHandler implements InboundHandler {

	private static final Logger log = LoggerFactory.getLogger(CrisisHandler.class);

	private final Messenger messenger;
	private final ParticipantService participants;
	private final CoachNotices notices;
	private final EscalationSettings settings;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final CrisisDetector detector;

	CrisisHandler(CrisisDetector detector, Messenger messenger, ParticipantService participants, CoachNotices notices,
			EscalationSettings settings, ApplicationEventPublisher events, Clock clock) {
		this.detector = detector;
		this.messenger = messenger;
		this.participants = participants;
		this.notices = notices;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public boolean handle(InboundMessage message) {
		if (!detector.read(message.body()).crisis()) {
			return false;
		}
		boolean delivered = messenger
			.send(new OutboundMessage(message.from(), settings.crisisResources(), Purpose.CRISIS, message.key()))
			.sent();
		ParticipantId participant = participants.findByPhone(message.from()).map(ParticipantProfile::id).orElse(null);
		CoachNotice notice = notices.save(new CoachNotice(null, "CRISIS", participant == null ? null : participant.value(),
				message.key(), delivered, clock.instant(), null, participant == null ? Masking.phone(message.from()) : null));
		log.warn("Crisis language in message {} (participant {}); resources {}; coach notice {}", message.key(),
				participant, delivered ? "sent" : "NOT deliverable", notice.id());
		events.publishEvent(new CrisisSignalled(notice.id(), participant, delivered));
		return true;
	}
}
