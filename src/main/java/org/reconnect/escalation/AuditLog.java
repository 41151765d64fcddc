package org.reconnect.escalation;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

/** Append-only: entries are inserted, never changed. */
interface AuditLog extends CrudRepository<AuditEntry, String> {

	List<AuditEntry> findByParticipantIdOrderByAtAscIdAsc(String participantId);
}
