package org.reconnect.escalation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface CoachNotices extends CrudRepository<CoachNotice, String> {

	List<CoachNotice> findAllByOrderByAtDesc();

	List<CoachNotice> findByParticipantIdAndAcknowledgedAtIsNull(String participantId);

	/** Open notices about someone who is not enrolled. */
	List<CoachNotice> findByParticipantIdIsNullAndAcknowledgedAtIsNullOrderByAtDesc();

	long countByKindAndAcknowledgedAtIsNull(String kind);

	Optional<CoachNotice> findFirstByKindAndAcknowledgedAtIsNullOrderByAtAsc(String kind);
}
