package org.reconnect.messaging;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.CrudRepository;

interface Messages extends CrudRepository<MessageRecord, String> {

	List<MessageRecord> findByToOrderByCreatedAtDesc(String to, Pageable page);

	List<MessageRecord> findAllByOrderByCreatedAtDesc(Pageable page);
}
