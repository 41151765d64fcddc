package org.reconnect.escalation;

import static org.reconnect.escalation.EscalationService.BACK;
import static org.reconnect.escalation.EscalationService.PARTICIPANT;
import static org.reconnect.escalation.EscalationService.QUIET;
import static org.reconnect.escalation.EscalationService.firstName;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.reconnect.consent.AlertKind;
import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentService;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SendResult;
import org.reconnect.participants.ParticipantProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends one alert of the ladder to whoever it is for (a nudge to the participant, an ally's text
 * checked against their consent at send time, a coach alert raised to the console), and records
 * how it went.
 */
@Component
class AlertDelivery {

	private static final Logger log = LoggerFactory.getLogger(AlertDelivery.class);

	/**
	 * A nudge held in the outbox (the participant's quiet hours, an outage) is dropped rather than
	 * sent later than this: long enough to wait out a night, short enough never to arrive beside
	 * the next day's check-in (due about 16 h after a nudge with the default ladder).
	 */
	static final Duration NUDGE_FRESH_FOR = Duration.ofHours(12);

	private final ConsentService consent;
	private final Messenger messenger;
	private final AlertRecords alerts;
	private final AlertTexts texts;
	private final Audit audit;
	private final MongoTemplate mongo;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AlertDelivery(ConsentService consent, Messenger messenger, AlertRecords alerts, AlertTexts texts, Audit audit,
			MongoTemplate mongo, ApplicationEventPublisher events, Clock clock) {
		this.consent = consent;
		this.messenger = messenger;
		this.alerts = alerts;
		this.texts = texts;
		this.audit = audit;
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
	}

	/** Sends one alert, once: its record is inserted under the delivery's key before it goes. */
	boolean deliver(Episode episode, Episode.Delivery delivery, ParticipantProfile participant) {
		Instant now = clock.instant();
		String kind = BACK.equals(delivery.kind) ? BACK : delivery.audience == Audience.PARTICIPANT ? "NUDGE" : QUIET;
		AlertRecord record = new AlertRecord(delivery.key, kind, episode.participantId, episode.id,
				BACK.equals(delivery.kind) ? null : delivery.step, delivery.recipient, null, "SENDING", null, now, null);
		try {
			mongo.insert(record);
		}
		catch (DuplicateKeyException ex) {
			return alerts.findById(delivery.key).map(AlertRecord::reached).orElse(false);
		}
		String message = BACK.equals(delivery.kind) ? "back" : episode.steps.get(delivery.step).message;
		String reason = (BACK.equals(delivery.kind) ? "back in touch" : "step " + delivery.step) + ": ";
		SendResult sent;
		switch (delivery.audience) {
			case PARTICIPANT -> {
				String text = texts.render(message + ".participant", participant.language(), Map.of(PARTICIPANT,
						participant.firstName(), "day", texts.day(episode.since, participant, participant.language())));
				sent = messenger.send(new OutboundMessage(participant.phone(), text, Purpose.NUDGE, delivery.key,
						now.plus(NUDGE_FRESH_FOR)));
				alerts.save(record.sent(participant.phone(), sent.outcome().name(), sent.messageId()));
			}
			case ALLIES -> {
				String allyId = delivery.recipient.substring("ally:".length());
				AlertKind covers = BACK.equals(delivery.kind) ? AlertKind.BACK_IN_TOUCH : AlertKind.MISSED_CHECK_INS;
				Optional<AllyView> ally = consent.consentHolds(allyId, covers) ? consent.ally(allyId) : Optional.empty();
				if (ally.isEmpty()) {
					alerts.save(record.sent(null, "NO_CONSENT", null));
					audit.record(episode.participantId, AuditKind.ALERT, delivery.recipient,
							reason + "not sent: no active consent for " + covers + " at send time", delivery.key);
					log.info("Alert {} not sent: ally {} has no active consent for {}", delivery.key, allyId, covers);
					return false;
				}
				String language = AlertTexts.language(ally.get(), participant);
				String text = texts.render(message + ".ally", language, Map.of("ally", firstName(ally.get().name()),
						PARTICIPANT, participant.firstName(), "day", texts.day(episode.since, participant, language)));
				sent = messenger.send(
						new OutboundMessage(ally.get().phone(), text, Purpose.ALERT, delivery.key).about(episode.participantId));
				alerts.save(record.sent(ally.get().phone(), sent.outcome().name(), sent.messageId()));
			}
			default -> {
				String coach = delivery.recipient.substring("coach:".length());
				String text = texts.render(message + ".coach", null,
						Map.of(PARTICIPANT, participant.firstName(), "day", texts.day(episode.since, participant, null)));
				alerts.save(record.sent(null, "RAISED", null));
				audit.record(episode.participantId, AuditKind.ALERT, delivery.recipient, reason + "raised to the coach",
						delivery.key);
				events.publishEvent(new CoachAlertRaised(delivery.key, participant.id(), coach, text, kind));
				return true;
			}
		}
		audit.record(episode.participantId, AuditKind.ALERT, delivery.recipient, reason + sent.outcome(), delivery.key,
				sent.messageId());
		log.info("Alert {} to {}: {}", delivery.key, delivery.recipient.startsWith("ally:") ? "an ally" : "the participant",
				sent.outcome());
		return sent.sent();
	}

	/**
	 * The console delivered a coach alert, or found no way to reach the coach.
	 *
	 * @param phone where the SMS went, to match the coach's "OK" to it; null when none went
	 */
	void coachAlertDelivered(String alertId, String phone, StaffReach reached) {
		String messageId = reached.sms() == null ? null : reached.sms().messageId();
		alerts.findById(alertId).ifPresent(record -> {
			alerts.save(record.sent(phone, reached.outcome(), messageId));
			audit.record(record.participantId(), AuditKind.COACH_NOTIFIED, record.recipient(), reached.describe("alert"),
					alertId, messageId);
		});
	}
}
