package org.reconnect.escalation;

import org.reconnect.consent.ConsentChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records each change to an ally's consent in the participant's audit trail.
 */
@Component
class ConsentAudit {

	private final Audit audit;

	ConsentAudit(Audit audit) {
		this.audit = audit;
	}

	@EventListener
	void on(ConsentChanged change) {
		audit.record(change.participant().value(), AuditKind.of(change.change()),
				change.allyId() == null ? null : "ally:" + change.allyId(),
				change.why() + " (by " + change.by() + "; kinds " + change.kinds() + ")", change.entryId(),
				change.messageKey());
	}
}
