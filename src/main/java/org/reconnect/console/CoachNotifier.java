package org.reconnect.console;

import org.reconnect.escalation.CrisisSignalled;
import org.reconnect.flows.HandoverRequested;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reaches the coach at once when someone writes in crisis: by SMS when the coach has a number on
 * file. The notice itself is always in GET /api/attention.
 */
@Component
class CoachNotifier {

	private static final Logger log = LoggerFactory.getLogger(CoachNotifier.class);

	private final Coaches coaches;
	private final ParticipantService participants;
	private final Messenger messenger;

	CoachNotifier(Coaches coaches, ParticipantService participants, Messenger messenger) {
		this.coaches = coaches;
		this.participants = participants;
		this.messenger = messenger;
	}

	@EventListener
	void on(HandoverRequested handover) {
		participants.find(handover.participant()).ifPresent(participant -> {
			String text = "Reconnect: " + participant.name() + " would like to hear from you (" + handover.reason()
					+ "). Please reach out when you can.";
			coaches.findById(participant.coach())
				.filter(coach -> coach.phone() != null)
				.ifPresent(coach -> messenger.send(new OutboundMessage(coach.phone(), text, Purpose.ALERT,
						handover.conversation())));
		});
	}

	@EventListener
	void on(CrisisSignalled crisis) {
		ParticipantProfile participant = crisis.participant() == null ? null
				: participants.find(crisis.participant()).orElse(null);
		String who = participant == null ? "Someone who is not enrolled" : participant.name();
		String text = "Reconnect: " + who + " just wrote in crisis. Crisis resources were "
				+ (crisis.resourcesDelivered() ? "sent" : "NOT deliverable (opted out)")
				+ ". Please reach out now. Notice " + crisis.noticeId() + ".";
		Iterable<Coach> recipients = participant != null
				? coaches.findById(participant.coach()).map(java.util.List::of).orElse(java.util.List.of())
				: coaches.findAll();
		boolean told = false;
		for (Coach coach : recipients) {
			if (coach.phone() != null) {
				told |= messenger.send(new OutboundMessage(coach.phone(), text, Purpose.CRISIS, crisis.noticeId())).sent();
			}
		}
		if (!told) {
			log.warn("Crisis notice {} could not reach a coach by SMS: it waits in GET /api/attention", crisis.noticeId());
		}
	}
}
