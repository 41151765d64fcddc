package org.reconnect.escalation;

import org.reconnect.participants.ParticipantProfileChanged;
import org.reconnect.participants.ParticipantReassigned;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records who changed a participant's profile (which fields, never the values) and who moved them
 * to another coach, from whom to whom.
 */
@Component
class ProfileAudit {

	private final Audit audit;

	ProfileAudit(Audit audit) {
		this.audit = audit;
	}

	@EventListener
	void on(ParticipantProfileChanged changed) {
		audit.record(changed.participant().value(), AuditKind.PROFILE_CHANGED, changed.by(),
				"changed " + String.join(", ", new java.util.TreeSet<>(changed.fields())));
	}

	@EventListener
	void on(ParticipantReassigned reassigned) {
		audit.record(reassigned.participant().value(), AuditKind.REASSIGNED, reassigned.by(),
				"from coach " + reassigned.from() + " to coach " + reassigned.to());
	}
}
