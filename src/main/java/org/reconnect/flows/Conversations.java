package org.reconnect.flows;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface Conversations extends CrudRepository<Conversation, String> {

	Optional<Conversation> findFirstByParticipantIdAndStatus(String participantId, Conversation.Status status);

	List<Conversation> findByParticipantIdOrderByStartedAtDesc(String participantId);
}
