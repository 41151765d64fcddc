package org.reconnect.console;

import org.reconnect.reminders.ReminderCalendar;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The participant's private calendar feed: no login, the unguessable token in the URL is the key.
 * An unknown or revoked token gets a plain 404 that says nothing more.
 */
@RestController
class CalendarFeedController {

	private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final ReminderCalendar calendar;

	CalendarFeedController(ReminderCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		return calendar.render(token)
			.map(ics -> ResponseEntity.ok().contentType(CALENDAR).cacheControl(CacheControl.noStore()).body(ics))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}
}
