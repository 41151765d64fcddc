package org.reconnect.console;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.reminders.OccurrenceView;
import org.reconnect.reminders.ReminderCalendar;
import org.reconnect.reminders.ReminderRequest;
import org.reconnect.reminders.ReminderService;
import org.reconnect.reminders.ReminderView;
import org.reconnect.system.CleanText;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.PublicLinks;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The coach's REST API for a participant's meeting and appointment reminders, their quiet hours
 * and their private calendar feed.
 */
@RestController
@RequestMapping(path = "/api/participants/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
class ReminderApi {

	private final ParticipantService participants;
	private final ReminderService reminders;
	private final ReminderCalendar calendar;
	private final Caseload caseload;
	private final PublicLinks links;

	ReminderApi(ParticipantService participants, ReminderService reminders, ReminderCalendar calendar,
			Caseload caseload, PublicLinks links) {
		this.caseload = caseload;
		this.links = links;
		this.participants = participants;
		this.reminders = reminders;
		this.calendar = calendar;
	}

	@Operation(summary = "Create a reminder schedule",
			description = "A meeting or appointment: title, place, note, timeZone, start (local date-time), an RFC "
					+ "5545 rule (absent: once), duration and lead times. The reminders are sent before each "
					+ "occurrence.")
	@ApiResponse(responseCode = "201", description = "Created: the reminder, at "
			+ "/api/participants/{id}/reminders/{reminder}")
	@PostMapping("/reminders")
	ResponseEntity<ReminderView> create(@PathVariable String id, @RequestBody ReminderRequest request, Authentication coach) {
		ParticipantProfile profile = owned(id, coach);
		ReminderView created = reminders.create(profile.id(), request);
		return ResponseEntity.created(URI.create("/api/participants/" + id + "/reminders/" + created.id())).body(created);
	}

	@Operation(summary = "A participant's reminder schedules",
			description = "Each schedule with its rule in plain words and its next occurrences.")
	@GetMapping("/reminders")
	List<ReminderView> list(@PathVariable String id, Authentication coach) {
		return reminders.list(owned(id, coach).id());
	}

	@Operation(summary = "One reminder schedule",
			description = "The schedule with its rule in plain words and its next occurrences.")
	@GetMapping("/reminders/{reminder}")
	ReminderView get(@PathVariable String id, @PathVariable String reminder, Authentication coach) {
		return reminders.get(owned(id, coach).id(), reminder);
	}

	@Operation(summary = "Replace a reminder schedule",
			description = "The same fields as when creating it; reminders already sent stay sent, the next ones follow "
					+ "the new schedule.")
	@PutMapping("/reminders/{reminder}")
	ReminderView change(@PathVariable String id, @PathVariable String reminder, @RequestBody ReminderRequest request,
			Authentication coach) {
		return reminders.change(owned(id, coach).id(), reminder, request);
	}

	@Operation(summary = "Delete a reminder schedule",
			description = "No reminder of it is sent after this.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@DeleteMapping("/reminders/{reminder}")
	ResponseEntity<Void> delete(@PathVariable String id, @PathVariable String reminder, Authentication coach) {
		reminders.delete(owned(id, coach).id(), reminder);
		return ResponseEntity.noContent().build();
	}

	/** The next occurrences in the meeting's local time: {@code ?count=5}. */
	@GetMapping("/reminders/{reminder}/occurrences")
	List<OccurrenceView> preview(@PathVariable String id, @PathVariable String reminder,
			@RequestParam(defaultValue = "5") int count, Authentication coach) {
		if (count < 1 || count > 100) {
			throw InvalidInput.of("count", "problem.reminder.count");
		}
		return reminders.preview(owned(id, coach).id(), reminder, count);
	}

	/** Skip one occurrence ({@code {"occurrence":"2030-03-12T19:00"}}) or move it (add {@code "moveTo"}). */
	@PostMapping("/reminders/{reminder}/exceptions")
	ReminderView except(@PathVariable String id, @PathVariable String reminder, @Valid @RequestBody ExceptionRequest request,
			Authentication coach) {
		ParticipantId participant = owned(id, coach).id();
		if (request.moveTo() == null || request.moveTo().isBlank()) {
			return reminders.skip(participant, reminder, request.occurrence());
		}
		return reminders.move(participant, reminder, request.occurrence(), request.moveTo());
	}

	/** The participant's answers to reminders (going, can't make it, need support), newest first. */
	@GetMapping("/reminder-replies")
	List<ReminderView.ReplyView> replies(@PathVariable String id, Authentication coach) {
		return reminders.replies(owned(id, coach).id());
	}

	@Operation(summary = "Set a participant's quiet hours",
			description = "start and end in HH:mm, in the participant's zone; nothing but crisis resources is sent "
					+ "between them. Both blank: the organisation's.")
	@PutMapping("/quiet-hours")
	ParticipantProfile quietHours(@PathVariable String id, @Valid @RequestBody QuietHoursRequest request,
			Authentication coach) {
		return participants.keepQuietHours(owned(id, coach).id(), request.start(), request.end());
	}

	/** A new private calendar URL for the participant; the previous one stops working. */
	@ApiResponse(responseCode = "201", description = "Issued: the feed's private URL")
	@PostMapping("/calendar-feed")
	ResponseEntity<Map<String, String>> issueFeed(@PathVariable String id, Authentication coach) {
		String token = calendar.issue(owned(id, coach).id());
		String url = links.link("/calendar/{token}.ics", token).toString();
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("url", url));
	}

	@Operation(summary = "Revoke a participant's calendar feed",
			description = "The feed's URL answers 404 from now on.")
	@ApiResponse(responseCode = "204", description = "Revoked")
	@DeleteMapping("/calendar-feed")
	ResponseEntity<Void> revokeFeed(@PathVariable String id, Authentication coach) {
		calendar.revoke(owned(id, coach).id());
		return ResponseEntity.noContent().build();
	}

	private ParticipantProfile owned(String id, Authentication coach) {
		return caseload.require(id, coach);
	}

	/** @param moveTo the new local date-time, yyyy-MM-ddTHH:mm; absent to skip the occurrence */
	record ExceptionRequest(@Size(max = 64) @CleanText String occurrence, @Size(max = 64) @CleanText String moveTo) {
	}

	/** Local times HH:mm; the span may cross midnight. */
	record QuietHoursRequest(@Size(max = 64) @CleanText String start, @Size(max = 64) @CleanText String end) {
	}
}
