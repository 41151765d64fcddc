package org.reconnect.console;

import org.reconnect.reminders.ReminderCalendar;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

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

	@Operation(summary = "A participant's reminders as an iCalendar feed",
			description = "For a calendar app to subscribe to: the private URL is the only key, so nothing but the "
					+ "title, place and time is in it.")
	@ApiResponse(responseCode = "404", description = "No feed with this token, or it was revoked (answered without a body)", content = @Content)
	@ApiResponse(responseCode = "200", description = "The feed, text/calendar")
	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		return calendar.render(token)
			.map(ics -> ResponseEntity.ok().contentType(CALENDAR).cacheControl(CacheControl.noStore()).body(ics))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}
}
