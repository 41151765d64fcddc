package org.reconnect.progress;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface ProgressNotes extends CrudRepository<ProgressNote, String> {

	List<ProgressNote> findByParticipantId(String participantId);
}
