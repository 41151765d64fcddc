package org.reconnect.escalation;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface Episodes extends CrudRepository<Episode, String> {

	List<Episode> findByParticipantIdOrderByOpenedAtDesc(String participantId);
}
