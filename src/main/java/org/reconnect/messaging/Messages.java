package org.reconnect.messaging;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.PagingAndSortingRepository;
import org.springframework.data.repository.CrudRepository;

interface Messages extends CrudRepository<MessageRecord, String>, PagingAndSortingRepository<MessageRecord, String> {

	List<MessageRecord> findByTo(String to, Pageable page);

	List<MessageRecord> findByToIn(java.util.Collection<String> to, Pageable page);

	long deleteByTo(String to);

	/** Web chat messages sent since {@code since} to any of these numbers (for pages open on another node). */
	List<MessageRecord> findByToInAndChannelAndSentAtAfter(java.util.Collection<String> to, ChannelKind channel,
			java.time.Instant since);
}
