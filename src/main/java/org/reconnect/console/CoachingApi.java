package org.reconnect.console;

import java.util.List;
import java.util.Map;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.system.CleanText;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * What a coach does with a participant beyond their care settings: write to them and read the
 * thread, and (supervisors) move a participant or a whole caseload to another coach.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class CoachingApi {

	private final Caseload caseload;
	private final Reassignments reassignments;
	private final CoachMessages coachMessages;

	CoachingApi(Caseload caseload, Reassignments reassignments, CoachMessages coachMessages) {
		this.caseload = caseload;
		this.reassignments = reassignments;
		this.coachMessages = coachMessages;
	}

	@Operation(summary = "Move a participant to another coach (supervisors only)",
			description = "The participant joins the named coach's caseload at once; the audit records who moved them. "
					+ "403 for a coach who is not a supervisor; 400 naming coach when there is no such enabled account.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = "{\"coach\":\"maria\"}"))),
			responses = { @ApiResponse(responseCode = "200", description = "the profile, with its new coach"),
					@ApiResponse(responseCode = "400", description = "no such enabled coach",
							content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
					@ApiResponse(responseCode = "403", description = "not a supervisor",
							content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))) })
	@PutMapping("/participants/{id}/coach")
	ParticipantProfile reassign(@PathVariable String id, @Valid @RequestBody CoachRequest request, Authentication coach) {
		return reassignments.reassign(id, request.coach(), coach);
	}

	@Operation(summary = "Move a coach's whole caseload to another coach (supervisors only)",
			description = "Cover for a coach who is away: every participant of from goes to to; send it the other way "
					+ "round to move them back. 200 with the ids moved; the audit records each move and who made it.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = "{\"from\":\"sam\",\"to\":\"maria\"}"))),
			responses = { @ApiResponse(responseCode = "200", description = "the participants moved",
					content = @Content(examples = @ExampleObject(value = "{\"moved\":[\"65f0c0ffee\"]}"))),
					@ApiResponse(responseCode = "400", description = "from or to is not a coach account, or they are the same",
							content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
					@ApiResponse(responseCode = "403", description = "not a supervisor",
							content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))) })
	@PostMapping("/caseload-moves")
	Map<String, List<String>> moveCaseload(@Valid @RequestBody CaseloadMove request, Authentication coach) {
		return Map.of("moved", reassignments.reassignCaseload(request.from(), request.to(), coach)
			.stream()
			.map(p -> p.id().value())
			.toList());
	}

	@Operation(summary = "Write to a participant as their coach",
			description = "The coach's words go through the outbox with every rule: nothing to someone who texted STOP "
					+ "(409), held in their quiet hours unless urgent is true, by their channel (a WhatsApp message "
					+ "outside the 24-hour window needs the coach or coach-urgent template, or goes by SMS when the "
					+ "fallback is on). They read it introduced as their coach's, in their language. Their reply within "
					+ "reconnect.console.coach-messages.reply-window, while no check-in is open, comes back into the "
					+ "thread (GET .../messages) and is not taken as a check-in answer.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = "{\"text\":\"Thinking of you today. Call me if you want to talk.\",\"urgent\":false}"))),
			responses = { @ApiResponse(responseCode = "400", description = "text empty or too long",
							content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
					@ApiResponse(responseCode = "404", description = "no such participant in your caseload",
							content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
					@ApiResponse(responseCode = "409", description = "the participant texted STOP: nothing was sent",
							content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))) })
	@ApiResponse(responseCode = "201", description = "sent or queued; status says which")
	@PostMapping("/participants/{id}/messages")
	ResponseEntity<CoachMessages.ThreadMessage> write(@PathVariable String id, @Valid @RequestBody CoachMessageRequest request,
			Authentication coach) {
		ParticipantProfile profile = owned(id, coach);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(coachMessages.send(profile, request.text(), Boolean.TRUE.equals(request.urgent()), coach.getName()));
	}

	@Operation(summary = "The coach's thread with a participant",
			description = "The coach's messages (with their outbox status and delivery status) and the participant's "
					+ "replies, oldest first.")
	@GetMapping("/participants/{id}/messages")
	List<CoachMessages.ThreadMessage> thread(@PathVariable String id, Authentication coach) {
		return coachMessages.thread(owned(id, coach));
	}

	private ParticipantProfile owned(String id, Authentication coach) {
		return caseload.require(id, coach);
	}

	record CoachMessageRequest(@Size(max = 4000) @CleanText String text, Boolean urgent) {
	}

	/** @param coach the username of an enabled coach account */
	record CoachRequest(@Size(max = 40) @CleanText String coach) {
	}

	/** @param from whose caseload moves; @param to the coach who takes it */
	record CaseloadMove(@Size(max = 40) @CleanText String from, @Size(max = 40) @CleanText String to) {
	}

}
