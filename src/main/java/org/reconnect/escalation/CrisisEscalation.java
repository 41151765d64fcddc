package org.reconnect.escalation;

import static org.reconnect.escalation.EscalationService.PARTICIPANT;
import static org.reconnect.escalation.EscalationService.firstName;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.reconnect.consent.AlertKind;
import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentService;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SendResult;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Crisis, after the reply: recorded in the audit trail; allies whose consent names crisis hear at
 * once; and who among the staff the console told of the notice.
 */
@Component
class CrisisEscalation {

	private final ParticipantService participants;
	private final ConsentService consent;
	private final Messenger messenger;
	private final AlertRecords alerts;
	private final AlertTexts texts;
	private final Audit audit;
	private final MongoTemplate mongo;
	private final Clock clock;

	CrisisEscalation(ParticipantService participants, ConsentService consent, Messenger messenger,
			AlertRecords alerts, AlertTexts texts, Audit audit, MongoTemplate mongo, Clock clock) {
		this.participants = participants;
		this.consent = consent;
		this.messenger = messenger;
		this.alerts = alerts;
		this.texts = texts;
		this.audit = audit;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Crisis: the coach hears at once (the console), recorded here; allies only when their consent
	 * names crisis specifically, checked now.
	 */
	@EventListener
	void on(CrisisSignalled crisis) {
		String id = crisis.participant() == null ? null : crisis.participant().value();
		audit.record(id, AuditKind.CRISIS, "coach",
				crisis.resourcesDelivered() ? "crisis language; resources sent; coach told at once"
						: "crisis language; resources not deliverable (opted out or refused); coach told at once",
				crisis.noticeId());
		if (crisis.participant() == null) {
			return;
		}
		ParticipantProfile participant = participants.find(crisis.participant()).orElse(null);
		if (participant == null) {
			return;
		}
		for (AllyView ally : consent.alliesWhoConsented(participant.id(), AlertKind.CRISIS)) {
			String key = crisis.noticeId() + "/ally:" + ally.id();
			AlertRecord record = new AlertRecord(key, "CRISIS", id, null, null, "ally:" + ally.id(), null, "SENDING",
					null, clock.instant(), null);
			try {
				mongo.insert(record);
			}
			catch (DuplicateKeyException ex) {
				continue;
			}
			String text = texts.render("crisis.ally", AlertTexts.language(ally, participant), ally.phone(),
					Map.of("ally", firstName(ally.name()), PARTICIPANT, participant.firstName()));
			SendResult sent = messenger.send(new OutboundMessage(ally.phone(), text, Purpose.CRISIS, key).about(id));
			alerts.save(record.sent(ally.phone(), sent.outcome().name(), sent.messageId()));
			audit.record(id, AuditKind.ALERT, "ally:" + ally.id(), "crisis, covered by a crisis consent: " + sent.outcome(),
					key, sent.messageId());
		}
	}

	/**
	 * The console told staff of a crisis notice: one entry per person it tried, none when nobody
	 * at all could be reached.
	 */
	void coachNoticeDelivered(String noticeId, ParticipantId participant, List<StaffReach> told) {
		String id = participant == null ? null : participant.value();
		if (told.stream().noneMatch(StaffReach::reached)) {
			audit.record(id, AuditKind.COACH_NOTIFIED, "coach",
					"nobody could be reached by SMS or email: the notice waits in the attention list", noticeId);
		}
		for (StaffReach reached : told) {
			audit.record(id, AuditKind.COACH_NOTIFIED, "coach:" + reached.username(), reached.describe("crisis notice"),
					noticeId, reached.sms() == null ? null : reached.sms().messageId());
		}
	}
}
