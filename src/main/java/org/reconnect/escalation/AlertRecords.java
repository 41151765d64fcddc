package org.reconnect.escalation;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface AlertRecords extends CrudRepository<AlertRecord, String> {

	List<AlertRecord> findAllByOrderByAtDesc();

	List<AlertRecord> findByParticipantIdOrderByAtDesc(String participantId);

	List<AlertRecord> findByEpisodeId(String episodeId);

	List<AlertRecord> findByPhoneAndAcknowledgedAtIsNull(String phone);
}
