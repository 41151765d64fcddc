package org.reconnect.reminders;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface Reminders extends CrudRepository<Reminder, String> {

	List<Reminder> findByParticipantId(String participantId);

	long countByParticipantId(String participantId);
}
