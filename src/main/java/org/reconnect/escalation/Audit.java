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

	void record(String participantId, String kind, String subject, String reason, String... refs) {
		List<String> ids = Arrays.stream(refs).filter(Objects::nonNull).toList();
		log.save(new AuditEntry(null, clock.instant(), participantId, kind, subject, reason, ids));
		meters.audited(kind, subject);
	}
}
