package org.reconnect.escalation;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the audit log: what happened, to whom (ids), why, and the records or messages
 * involved (ids). Never names, numbers or message text, so it survives erasure; the one free text
 * it repeats, the words given for naming an ally, is replaced then by a fixed reason. The kind is
 * stored by its name.
 */
@Document("audit")
record AuditEntry(@Id String id, Instant at, String participantId, AuditKind kind, String subject, String reason,
		List<String> refs) {

	AuditView view() {
		return new AuditView(id, at, participantId, kind, subject, reason, refs);
	}
}
