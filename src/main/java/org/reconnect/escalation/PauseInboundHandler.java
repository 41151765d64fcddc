package org.reconnect.escalation;

import org.reconnect.participants.QuietHours;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.InboundPipeline;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.system.InvalidInput;
import org.springframework.stereotype.Component;

/** A participant's PAUSE and RESUME, in any state of a conversation; never taken as an answer. */
@Component
class PauseInboundHandler implements InboundHandler {

	private final ParticipantService participants;
	private final EscalationService escalation;
	private final EscalationSettings settings;
	private final Messenger messenger;
	private final Clock clock;
	private final AlertTexts texts;

	PauseInboundHandler(ParticipantService participants, EscalationService escalation, EscalationSettings settings,
			Messenger messenger, Clock clock, AlertTexts texts) {
		this.texts = texts;
		this.participants = participants;
		this.escalation = escalation;
		this.settings = settings;
		this.messenger = messenger;
		this.clock = clock;
	}

	@Override
	public InboundPipeline.Step step() {
		return InboundPipeline.Step.PAUSE;
	}

	@Override
	public boolean handle(Inbound inbound) {
		InboundMessage message = inbound.message();
		String plain = PauseRequest.plain(message.body());
		Matcher pause = PauseRequest.PAUSE.matcher(plain);
		boolean resume = PauseRequest.RESUME.matcher(plain).matches();
		if (!pause.matches() && !resume) {
			return false;
		}
		if (!(inbound.sender() instanceof ParticipantProfile participant)) {
			return false;
		}
		if (resume) {
			if (!participants.resume(participant.id(), "participant")) {
				reply(participant, "pause.not-paused", Map.of("time", participant.checkInTime().toString()), message);
			}
			return true; // the end of the pause is announced by the ParticipantResumed listener
		}
		Instant now = clock.instant();
		Optional<Instant> until = PauseRequest.until(pause.group(2).trim(), participant, now,
				new QuietHours(settings.quietHoursStart(), settings.quietHoursEnd()));
		if (until.isEmpty()) {
			reply(participant, "pause.not-understood", Map.of(), message);
			return true;
		}
		try {
			ParticipantProfile paused = participants.pause(participant.id(), until.get(), "participant");
			reply(paused, "pause.confirmed", Map.of("date", texts.date(until.get(), participant)), message);
		}
		catch (InvalidInput ex) {
			reply(participant, "pause.not-understood", Map.of(), message);
		}
		return true;
	}

	private void reply(ParticipantProfile participant, String key, Map<String, String> values, InboundMessage message) {
		messenger.send(new OutboundMessage(participant.phone(), escalation.text(key, participant, values), Purpose.REPLY,
				message.key()));
	}
}
