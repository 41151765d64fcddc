package org.reconnect.console;

import java.util.List;
import java.util.stream.StreamSupport;

import org.reconnect.escalation.AttentionItem;
import org.reconnect.escalation.CoachAlertRaised;
import org.reconnect.escalation.CrisisSignalled;
import org.reconnect.flows.HandoverRequested;
import org.reconnect.escalation.EscalationService;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SendResult;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reaches the coach: at once when someone writes in crisis, and when the escalation ladder
 * reaches the coach's step; by SMS when the coach has a number on file, and reports back to
 * escalation, which records it. Everything is also in the alerts inbox and GET /api/attention.
 */
@Component
class CoachNotifier {

	private static final Logger log = LoggerFactory.getLogger(CoachNotifier.class);

	private final Coaches coaches;
	private final ParticipantService participants;
	private final Messenger messenger;
	private final EscalationService escalation;

	CoachNotifier(Coaches coaches, ParticipantService participants, Messenger messenger, EscalationService escalation) {
		this.coaches = coaches;
		this.participants = participants;
		this.messenger = messenger;
		this.escalation = escalation;
	}

	@EventListener
	void on(HandoverRequested handover) {
		participants.find(handover.participant()).ifPresent(participant -> {
			String text = "Reconnect: " + participant.name() + " would like to hear from you (" + handover.reason()
					+ "). Please reach out when you can.";
			coaches.findById(participant.coach())
				.filter(coach -> coach.phone() != null)
				.ifPresent(coach -> messenger.send(new OutboundMessage(coach.phone(), text, Purpose.ALERT,
						handover.conversation()).about(handover.participant().value())));
		});
	}

	/**
	 * A participant's crisis goes to their coach; one from a number nobody has enrolled to the
	 * supervisors, who see every caseload and are the ones shown that notice in the console. A
	 * person must be told at once: when nobody in that first circle can be texted (no number on
	 * file, account disabled), the supervisors are texted, and failing them every coach who can be.
	 */
	@EventListener
	void on(CrisisSignalled crisis) {
		ParticipantProfile participant = crisis.participant() == null ? null
				: participants.find(crisis.participant()).orElse(null);
		String who = participant != null ? participant.name()
				: "Someone who is not enrolled" + escalation.notice(crisis.noticeId())
					.map(AttentionItem::maskedPhone)
					.map(masked -> " (" + masked + ")")
					.orElse("");
		String text = "Reconnect: " + who + " just wrote in crisis. Crisis resources were "
				+ (crisis.resourcesDelivered() ? "sent" : "NOT deliverable (opted out)")
				+ ". Please reach out now. Notice " + crisis.noticeId() + ".";
		List<Coach> recipients = whoToTell(StreamSupport.stream(coaches.findAll().spliterator(), false).toList(),
				participant == null ? null : participant.coach());
		SendResult told = null;
		for (Coach coach : recipients) {
			if (coach.phone() != null) {
				SendResult sent = messenger.send(new OutboundMessage(coach.phone(), text, Purpose.CRISIS, crisis.noticeId())
					.about(participant == null ? null : participant.id().value()));
				if (told == null || sent.sent()) {
					told = sent;
				}
			}
		}
		if (told == null || !told.sent()) {
			log.warn("Crisis notice {} could not reach a coach by SMS: it waits in GET /api/attention", crisis.noticeId());
		}
		escalation.coachNoticeDelivered(crisis.noticeId(), crisis.participant(), told);
	}

	/**
	 * Who is texted about a crisis: the participant's own coach ({@code ownCoach}; null for a
	 * number nobody has enrolled: the supervisors); when none of them can be texted (no number on
	 * file, account disabled), the supervisors, and failing them every coach who can be.
	 */
	static List<Coach> whoToTell(List<Coach> all, String ownCoach) {
		List<Coach> reachable = all.stream().filter(coach -> coach.enabled() && coach.phone() != null).toList();
		List<Coach> supervisors = reachable.stream().filter(coach -> Role.SUPERVISOR.name().equals(coach.role())).toList();
		List<Coach> first = ownCoach == null ? supervisors
				: reachable.stream().filter(coach -> coach.username().equals(ownCoach)).toList();
		if (!first.isEmpty()) {
			return first;
		}
		return supervisors.isEmpty() ? reachable : supervisors;
	}

	@EventListener
	void on(CoachAlertRaised alert) {
		Coach coach = coaches.findById(alert.coach()).orElse(null);
		if (coach == null || coach.phone() == null) {
			log.info("Coach alert {} waits in GET /api/attention: the coach has no phone on file", alert.alertId());
			escalation.coachAlertDelivered(alert.alertId(), null, null);
			return;
		}
		SendResult sent = messenger.send(new OutboundMessage(coach.phone(), alert.text(), Purpose.ALERT, alert.alertId())
			.about(alert.participant().value()));
		escalation.coachAlertDelivered(alert.alertId(), coach.phone(), sent);
	}
}
