package org.reconnect.escalation;

import org.reconnect.messaging.MessageUndelivered;
import org.reconnect.messaging.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records a nudge that the outbox held and then dropped (past its notAfter) or gave up on as not
 * delivered, so the alert record and the audit log say what the participant actually received.
 */
@Component
class UndeliveredNudges {

	private static final Logger log = LoggerFactory.getLogger(UndeliveredNudges.class);

	static final String UNDELIVERED = "UNDELIVERED";

	private final AlertRecords alerts;
	private final Audit audit;

	UndeliveredNudges(AlertRecords alerts, Audit audit) {
		this.alerts = alerts;
		this.audit = audit;
	}

	@EventListener
	void on(MessageUndelivered undelivered) {
		if (undelivered.purpose() != Purpose.NUDGE || undelivered.reference() == null) {
			return;
		}
		alerts.findById(undelivered.reference())
			.filter(record -> !UNDELIVERED.equals(record.outcome()))
			.ifPresent(record -> {
				alerts.save(record.sent(record.phone(), UNDELIVERED, undelivered.messageId()));
				audit.record(record.participantId(), AuditKind.ALERT_UNDELIVERED, record.recipient(),
						"the nudge never reached the participant (held past its time, or refused)", record.id(),
						undelivered.messageId());
				log.info("Nudge {} was not delivered", record.id());
			});
	}
}
