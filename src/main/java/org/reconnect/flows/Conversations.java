package org.reconnect.flows;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.repository.CrudRepository;

interface Conversations extends CrudRepository<Conversation, String> {

	/** The participant's open conversation, found through the unique openFor index. */
	Optional<Conversation> findByOpenFor(String participantId);

	/** Newest first; ids break ties, since several conversations can start at one instant. */
	default List<Conversation> history(String participantId) {
		return findByParticipantId(participantId, Sort.by(Sort.Direction.DESC, "startedAt", "id"));
	}

	List<Conversation> findByParticipantId(String participantId, Sort sort);

	/** The participant's newest conversation of a flow, whose kept values the next one carries on. */
	Optional<Conversation> findFirstByParticipantIdAndFlowAndAllyIsNullOrderByStartedAtDescIdDesc(String participantId,
			String flow);
}
