package org.reconnect.escalation;

import java.time.Clock;

import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.InboundPipeline;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.system.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The inbound pipeline's first step, in any state and at any hour: crisis language gets crisis resources at
 * once, in the person's language, naming lines their phone can call ({@link CrisisRegions}), and the coach
 * is told. It is never taken as an answer to a check-in ("2 and I want to die", "no, quiero morirme").
 */
@Component
class CrisisHandler implements InboundHandler {

	private static final Logger log = LoggerFactory.getLogger(CrisisHandler.class);

	private final CrisisDetector detector;
	private final CrisisResources resources;
	private final Messenger messenger;
	private final CoachNotices notices;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CrisisHandler(CrisisDetector detector, CrisisResources resources, Messenger messenger, CoachNotices notices,
			ApplicationEventPublisher events, Clock clock) {
		this.detector = detector;
		this.resources = resources;
		this.messenger = messenger;
		this.notices = notices;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public InboundPipeline.Step step() {
		return InboundPipeline.Step.CRISIS;
	}

	@Override
	public boolean handle(Inbound inbound) {
		InboundMessage message = inbound.message();
		CrisisSignal signal = detector.read(message.body());
		if (!signal.crisis()) {
			return false;
		}
		ParticipantProfile profile = inbound.sender() instanceof ParticipantProfile participant ? participant : null;
		// A participant is answered in their own language unless they just wrote in another; a
		// number nobody enrolled in the language of the message (the bundles' base when unclear).
		String language = profile != null ? signal.languageFor(profile.language()) : signal.writtenIn().orElse(null);
		// Lines the person can call from their phone: a participant's enrolled number (also in the web
		// chat), else the number it came from; a web chat nobody enrolled has none to go by.
		String phone = profile != null ? profile.phone() : message.viaWebChat() ? null : message.from();
		CrisisRegion region = resources.region(phone);
		String text = resources.textOf(region, signal.response(), profile != null, language);
		boolean delivered = messenger.send(new OutboundMessage(message.from(), text, Purpose.CRISIS, message.key()))
			.sent();
		ParticipantId participant = profile == null ? null : profile.id();
		CoachNotice notice = notices.save(new CoachNotice(null, "CRISIS", participant == null ? null : participant.value(),
				message.key(), delivered, clock.instant(), null, participant == null ? Masking.phone(message.from()) : null));
		log.warn("Crisis language in message {} (participant {}; phrases of {}); {} resources of region {} ({}) in '{}' {}; "
				+ "coach notice {}", message.key(), participant, signal.families(), signal.response().key(), region.code(),
				(region.fromNumber() ? "from their number" : "the organisation's")
						+ (region.hasLines() ? "" : "; no lines of its own: the general text"), language == null ? "base" : language,
				delivered ? "sent" : "NOT deliverable", notice.id());
		events.publishEvent(new CrisisSignalled(notice.id(), participant, delivered));
		return true;
	}
}
