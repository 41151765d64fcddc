package org.reconnect.participants;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface Participants extends CrudRepository<Participant, String> {

	Optional<Participant> findByPhone(String phone);

	List<Participant> findByPhoneIn(Collection<String> phones);

	List<Participant> findByCoach(String coach);
}
