package org.reconnect.escalation;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

/**
 * Append-only: entries are inserted, never changed, but for the words a person gave for naming an
 * ally, replaced by a fixed reason when the participant is erased.
 */
interface AuditLog extends CrudRepository<AuditEntry, String> {

	List<AuditEntry> findByParticipantIdOrderByAtAscIdAsc(String participantId);

	boolean existsByParticipantIdAndKind(String participantId, AuditKind kind);
}
