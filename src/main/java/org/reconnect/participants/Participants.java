package org.reconnect.participants;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface Participants extends CrudRepository<Participant, String> {

	Optional<Participant> findByPhone(String phone);

	List<Participant> findByCoach(String coach);
}
