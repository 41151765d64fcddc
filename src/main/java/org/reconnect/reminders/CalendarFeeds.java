package org.reconnect.reminders;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface CalendarFeeds extends CrudRepository<CalendarFeed, String> {

	List<CalendarFeed> findByParticipantId(String participantId);
}
