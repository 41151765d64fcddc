package org.reconnect.progress;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface ProgressDays extends CrudRepository<ProgressDay, String> {

	List<ProgressDay> findByParticipantId(String participantId);
}
