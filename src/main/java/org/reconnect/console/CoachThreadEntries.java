package org.reconnect.console;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface CoachThreadEntries extends CrudRepository<CoachThreadEntry, String> {

	List<CoachThreadEntry> findByParticipantIdOrderByAtAsc(String participantId);

	Optional<CoachThreadEntry> findFirstByParticipantIdAndDirectionOrderByAtDesc(String participantId, String direction);

	long deleteByParticipantId(String participantId);
}
