package org.reconnect.coaches;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.reconnect.escalation.AttentionItem;
import org.reconnect.escalation.CoachAlertRaised;
import org.reconnect.escalation.CrisisSignalled;
import org.reconnect.escalation.EscalationService;
import org.reconnect.escalation.StaffReach;
import org.reconnect.flows.HandoverRequested;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.MessagingSettings;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SendResult;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reaches the staff: at once when someone writes in crisis, when a participant asks for a person,
 * and when the escalation ladder reaches the coach's step. Only the participant's coach and the
 * supervisors are ever told ({@link StaffRecipients}), each by every channel they have: SMS to a
 * phone on file, e-mail (a link, no details) to an address when mail is set up. What happened is
 * reported to escalation, which records it; everything is also in the alerts inbox and
 * GET /api/attention.
 */
@Component
class CoachNotifier {

	private static final Logger log = LoggerFactory.getLogger(CoachNotifier.class);

	private final CoachDirectory coaches;
	private final ParticipantService participants;
	private final Messenger messenger;
	private final StaffMail mail;
	private final MessageSource texts;
	private final EscalationService escalation;
	private final String programName;

	CoachNotifier(CoachDirectory coaches, ParticipantService participants, Messenger messenger, StaffMail mail,
			MessageSource texts, EscalationService escalation, MessagingSettings messaging) {
		this.programName = messaging.programName();
		this.coaches = coaches;
		this.participants = participants;
		this.messenger = messenger;
		this.mail = mail;
		this.texts = texts;
		this.escalation = escalation;
	}

	/** The participant's coach (or, when they cannot be reached, the supervisors) hears they asked for a person. */
	@EventListener
	void on(HandoverRequested handover) {
		participants.find(handover.participant()).ifPresent(participant -> {
			String text = text("handover.sms", participant.name(), handover.reason(), programName);
			for (Coach coach : StaffRecipients.forCoach(coaches.all(), participant.coach(), mail.available())) {
				tell(coach, text, Purpose.ALERT, handover.conversation(), "handover", card(participant),
						participant.id().value());
			}
		});
	}

	/**
	 * A crisis reaches a person at once: the participant's coach (for a number nobody has enrolled,
	 * the supervisors), by SMS and e-mail; when no SMS to them went out (no phone on file, account
	 * disabled, refused), the supervisors as well. Never another coach, who could not even open
	 * the notice. Nobody reachable at all: a warning here, and the console tells the supervisors.
	 */
	@EventListener
	void on(CrisisSignalled crisis) {
		ParticipantProfile participant = crisis.participant() == null ? null
				: participants.find(crisis.participant()).orElse(null);
		String who = participant != null ? participant.name()
				: escalation.notice(crisis.noticeId())
					.map(AttentionItem::maskedPhone)
					.map(masked -> text("crisis.sms.unenrolled", masked))
					.orElseGet(() -> text("crisis.sms.unenrolled-unknown"));
		String sms = text("crisis.sms", who,
				text(crisis.resourcesDelivered() ? "crisis.sms.resources-sent" : "crisis.sms.resources-not-delivered"),
				crisis.noticeId(), programName);
		String path = participant != null ? card(participant) : "/alerts#notice-" + crisis.noticeId();
		String about = participant == null ? null : participant.id().value();
		StaffRecipients.Circles circles = StaffRecipients.forCrisis(coaches.all(),
				participant == null ? null : participant.coach(), mail.available());
		List<StaffReach> told = new ArrayList<>();
		for (Coach coach : circles.first()) {
			told.add(tell(coach, sms, Purpose.CRISIS, crisis.noticeId(), "crisis", path, about));
		}
		if (told.stream().noneMatch(CoachNotifier::texted)) {
			for (Coach supervisor : circles.fallback()) {
				told.add(tell(supervisor, sms, Purpose.CRISIS, crisis.noticeId(), "crisis", path, about));
			}
		}
		if (told.stream().noneMatch(StaffReach::reached)) {
			log.warn("Crisis notice {} reached nobody: no coach or supervisor could be reached by SMS or e-mail. "
					+ "It waits in the alerts inbox; add a phone or e-mail to a supervisor account", crisis.noticeId());
		}
		escalation.coachNoticeDelivered(crisis.noticeId(), crisis.participant(), told);
	}

	/** The ladder's coach step (escalation already chose the coach or a supervisor, and waited out their night). */
	@EventListener
	void on(CoachAlertRaised alert) {
		Coach coach = coaches.find(alert.coach()).filter(Coach::enabled).orElse(null);
		StaffReach reached = coach == null ? new StaffReach(alert.coach(), null, null)
				: tell(coach, alert.text(), Purpose.ALERT, alert.alertId(),
						"BACK_IN_TOUCH".equals(alert.kind()) ? "back" : "quiet",
						"/alerts#alert-" + alert.participant().value(), alert.participant().value());
		if (!reached.reached()) {
			log.info("Coach alert {} waits in GET /api/attention: the coach could not be reached", alert.alertId());
		}
		escalation.coachAlertDelivered(alert.alertId(), reached.sms() == null ? null : coach.phone(), reached);
	}

	/**
	 * One staff member, by every channel they have. The SMS speaks of the participant
	 * ({@code about}, null for a number nobody enrolled): it is erased with them.
	 */
	private StaffReach tell(Coach coach, String sms, Purpose purpose, String reference, String purposeOfMail,
			String path, String about) {
		SendResult sent = coach.phone() == null ? null
				: messenger.send(new OutboundMessage(coach.phone(), sms, purpose, reference).about(about));
		return new StaffReach(coach.username(), sent, mail.send(coach, purposeOfMail, path));
	}

	private static boolean texted(StaffReach reach) {
		return reach.sms() != null && reach.sms().sent();
	}

	/** The participant's card in the alerts inbox: an opaque id, no name. */
	private static String card(ParticipantProfile participant) {
		return "/alerts#alert-" + participant.id().value();
	}

	/** Staff texts come from the base bundle: staff have no language of their own yet. */
	private String text(String key, Object... values) {
		return texts.getMessage(key, values.length == 0 ? null : values, Locale.ROOT);
	}
}
