package org.reconnect.escalation;

import java.time.Instant;
import java.util.List;

/**
 * An audit log line as the coach reads it.
 *
 * @param kind what happened; in JSON its name, e.g. CONSENT_GRANTED, EPISODE_OPENED, STEP_DUE, ALERT
 * @param subject who it concerns: "ally:<id>", "coach:<name>", "participant"
 * @param refs ids of records and messages involved
 */
public record AuditView(String id, Instant at, String participantId, AuditKind kind, String subject, String reason,
		List<String> refs) {
}
