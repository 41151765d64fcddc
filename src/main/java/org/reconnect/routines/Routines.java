package org.reconnect.routines;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface Routines extends CrudRepository<Routine, String> {

	List<Routine> findByParticipantId(String participantId);

	Optional<Routine> findByParticipantIdAndFlow(String participantId, String flow);
}
