package org.reconnect.consent;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface Allies extends CrudRepository<Ally, String> {

	List<Ally> findByParticipantId(String participantId);

	List<Ally> findByPhone(String phone);

	List<Ally> findByParticipantIdAndPhone(String participantId, String phone);
}
