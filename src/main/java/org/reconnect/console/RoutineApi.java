package org.reconnect.console;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.reconnect.routines.RoutineRequest;
import org.reconnect.routines.RoutineService;
import org.reconnect.routines.RoutineView;
import org.reconnect.system.CleanText;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The coach's REST API for routines: a flow (the weekly reflection, one the organisation wrote)
 * started on a recurrence in the participant's time, for one participant or the coach's whole
 * caseload. A participant has at most one routine per flow, named by the flow in the path.
 */
@RestController
class RoutineApi {

	private final RoutineService routines;
	private final Caseload caseload;

	RoutineApi(RoutineService routines, Caseload caseload) {
		this.routines = routines;
		this.caseload = caseload;
	}

	@Operation(summary = "A participant's routines",
			description = "Each flow on a routine with its schedule in plain words (the coach's language), whether it is "
					+ "on, its next start and what became of its last starts. Every new participant has the weekly "
					+ "reflection (origin ENROLMENT) unless the organisation turned that off.")
	@GetMapping(path = "/api/participants/{id}/routines", produces = MediaType.APPLICATION_JSON_VALUE)
	List<RoutineView> list(@PathVariable String id, Authentication coach) {
		return routines.list(caseload.require(id, coach).id());
	}

	@Operation(summary = "One routine of a participant", description = "The routine of that flow, as in the list.")
	@GetMapping(path = "/api/participants/{id}/routines/{flow}", produces = MediaType.APPLICATION_JSON_VALUE)
	RoutineView get(@PathVariable String id, @PathVariable String flow, Authentication coach) {
		return routines.get(caseload.require(id, coach).id(), flow);
	}

	@Operation(summary = "Put a flow on a routine for a participant, or change it",
			description = "flow: one whose file says routine: true (weekly-reflection, small-steps, ...); any other is "
					+ "refused (400, naming flow). rule: an RFC 5545 rule (FREQ=WEEKLY;BYDAY=SU), time: HH:mm in the "
					+ "participant's zone, outside "
					+ "their quiet hours; on: false keeps it but starts nothing (turn the weekly reflection off so). "
					+ "The flow starts at that local time, held to the end of quiet hours if they changed since, once at "
					+ "most after downtime and not at all past the late limit; its when_busy policy decides what "
					+ "happens while another conversation is open, and its question counts against the daily cap.")
	@PutMapping(path = "/api/participants/{id}/routines/{flow}", produces = MediaType.APPLICATION_JSON_VALUE)
	RoutineView set(@PathVariable String id, @PathVariable String flow, @Valid @RequestBody RoutineBody body,
			Authentication coach) {
		return routines.set(caseload.require(id, coach).id(), flow, body.request(), "coach:" + coach.getName());
	}

	@Operation(summary = "Take a routine away", description = "Nothing of it starts after this.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@DeleteMapping("/api/participants/{id}/routines/{flow}")
	ResponseEntity<Void> delete(@PathVariable String id, @PathVariable String flow, Authentication coach) {
		routines.delete(caseload.require(id, coach).id(), flow);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Put a flow on a routine for your whole caseload",
			description = "The same as for one participant, for everyone in the signed-in coach's caseload now "
					+ "(participants enrolled later are not included); it replaces the routine of that flow anyone "
					+ "already has. The time is checked against everyone's quiet hours first: if it falls in "
					+ "anyone's, nothing is changed.")
	@PutMapping(path = "/api/caseload/routines/{flow}", produces = MediaType.APPLICATION_JSON_VALUE)
	List<RoutineView> setForCaseload(@PathVariable String flow, @Valid @RequestBody RoutineBody body,
			Authentication coach) {
		return routines.setForCaseload(coach.getName(), flow, body.request(), "coach:" + coach.getName());
	}

	/**
	 * @param rule an RFC 5545 rule without RRULE:, e.g. FREQ=WEEKLY;BYDAY=SU
	 * @param time HH:mm in the participant's zone, e.g. 17:00
	 * @param on false: kept, but nothing starts; absent: on
	 */
	record RoutineBody(@Size(max = 256) @CleanText String rule, @Size(max = 16) @CleanText String time, Boolean on) {

		RoutineRequest request() {
			return new RoutineRequest(rule, time, on);
		}
	}
}
