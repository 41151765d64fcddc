package org.reconnect.progress;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface Milestones extends CrudRepository<Milestone, String> {

	List<Milestone> findByParticipantIdOrderByReachedAtAsc(String participantId);

	boolean existsByParticipantIdAndDay(String participantId, String day);
}
