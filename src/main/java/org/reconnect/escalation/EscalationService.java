package org.reconnect.escalation;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentService;
import org.reconnect.flows.CheckInMissed;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SendResult;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Tells consenting allies when a check-in went unanswered. An alert says only that the
 * participant has not checked in since a day, and how to reach out; consent is checked again at
 * the moment each alert is sent.
 */
@Service
public class EscalationService {

	private static final Logger log = LoggerFactory.getLogger(EscalationService.class);

	private final ConsentService consent;
	private final ParticipantService participants;
	private final Messenger messenger;
	private final AlertRecords alerts;
	private final CoachNotices notices;
	private final Clock clock;

	EscalationService(ConsentService consent, ParticipantService participants, Messenger messenger,
			AlertRecords alerts, CoachNotices notices, Clock clock) {
		this.consent = consent;
		this.participants = participants;
		this.messenger = messenger;
		this.alerts = alerts;
		this.notices = notices;
		this.clock = clock;
	}

	@EventListener
	void on(CheckInMissed missed) {
		ParticipantProfile participant = participants.find(missed.participant()).orElse(null);
		if (participant == null || !participant.active()) {
			return;
		}
		for (AllyView ally : consent.alliesWhoConsented(participant.id())) {
			if (!consent.consentHolds(ally.id())) {
				alerts.save(new AlertRecord(null, "MISSED_CHECK_IN", participant.id().value(), ally.id(),
						missed.conversation(), "NO_CONSENT", null, clock.instant()));
				continue;
			}
			SendResult sent = messenger.send(new OutboundMessage(ally.phone(),
					alertText(ally, participant, missed), Purpose.ALERT, missed.conversation()));
			alerts.save(new AlertRecord(null, "MISSED_CHECK_IN", participant.id().value(), ally.id(),
					missed.conversation(), sent.outcome().name(), sent.messageId(), clock.instant()));
			log.info("Alerted ally {} of participant {}: {}", ally.id(), participant.id(), sent.outcome());
		}
	}

	/** Alerts and crisis notices, newest first. */
	public List<AttentionItem> attention() {
		return Stream
			.concat(alerts.findAllByOrderByAtDesc()
				.stream()
				.map(a -> new AttentionItem(a.id(), a.kind(), a.participantId(), a.allyId(), a.outcome(), a.at())),
					notices.findAllByOrderByAtDesc()
						.stream()
						.map(n -> new AttentionItem(n.id(), n.kind(), n.participantId(), null,
								n.resourcesDelivered() ? "RESOURCES_SENT" : "RESOURCES_NOT_DELIVERED",
								n.at())))
			.sorted(Comparator.comparing(AttentionItem::at).reversed())
			.toList();
	}

	private static String alertText(AllyView ally, ParticipantProfile participant, CheckInMissed missed) {
		ZoneId zone = participant.zone();
		String day = missed.sentAt().atZone(zone).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
		String allyFirst = ally.name().trim().split("\\s+")[0];
		return "Hi " + allyFirst + ", " + participant.firstName() + " hasn't checked in since " + day
				+ ". A short, friendly message from you could mean a lot; no need to mention this note. "
				+ "Reply STOP ALERTS to stop these.";
	}
}
