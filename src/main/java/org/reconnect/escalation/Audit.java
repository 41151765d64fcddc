package org.reconnect.escalation;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

/** Writes the audit log, and counts what it records (see {@link EscalationMeters}). */
@Component
class Audit {

	private final AuditLog log;
	private final EscalationMeters meters;
	private final Clock clock;

	Audit(AuditLog log, EscalationMeters meters, Clock clock) {
		this.log = log;
		this.meters = meters;
		this.clock = clock;
	}

	void record(String participantId, AuditKind kind, String subject, String reason, String... refs) {
		List<String> ids = Arrays.stream(refs).filter(Objects::nonNull).toList();
		log.save(new AuditEntry(null, clock.instant(), participantId, kind, subject, reason, ids));
		meters.audited(kind, subject);
	}

	boolean has(String participantId, AuditKind kind) {
		return log.existsByParticipantIdAndKind(participantId, kind);
	}

	/**
	 * An erased participant's invitations keep a fixed reason instead of the words the coach or
	 * participant gave for naming the ally (the consent ledger's why, repeated here as
	 * {@code <why> (by <who>; kinds <kinds>)}); who, kinds and ids stay. Safe to repeat.
	 */
	void eraseWhyAllyNamed(String participantId, String fixedWhy) {
		for (AuditEntry entry : log.findByParticipantIdOrderByAtAscIdAsc(participantId)) {
			if (entry.kind() == AuditKind.CONSENT_REQUESTED && entry.reason() != null) {
				int by = entry.reason().lastIndexOf(" (by ");
				String reason = fixedWhy + (by < 0 ? "" : entry.reason().substring(by));
				if (!reason.equals(entry.reason())) {
					log.save(new AuditEntry(entry.id(), entry.at(), entry.participantId(), entry.kind(), entry.subject(),
							reason, entry.refs()));
				}
			}
		}
	}
}
