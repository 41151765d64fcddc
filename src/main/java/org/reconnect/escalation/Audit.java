package org.reconnect.escalation;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

/** Writes the audit log. */
@Component
class Audit {

	private final AuditLog log;
	private final Clock clock;

	Audit(AuditLog log, Clock clock) {
		this.log = log;
		this.clock = clock;
	}

	void record(String participantId, String kind, String subject, String reason, String... refs) {
		List<String> ids = Arrays.stream(refs).filter(Objects::nonNull).toList();
		log.save(new AuditEntry(null, clock.instant(), participantId, kind, subject, reason, ids));
	}
}
