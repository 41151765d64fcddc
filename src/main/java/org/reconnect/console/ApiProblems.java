package org.reconnect.console;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.reconnect.coaches.CoachAlreadyExists;
import org.reconnect.coaches.CoachNotFound;
import org.reconnect.consent.AllyAlreadyNamed;
import org.reconnect.participants.ParticipantAlreadyEnrolled;
import org.reconnect.reminders.ReminderNotFound;
import org.reconnect.system.InvalidInput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the API's errors into RFC 9457 problem details that say what to send instead. Only for
 * REST controllers: the console's pages answer their errors with pages.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	@ExceptionHandler(InvalidInput.class)
	ProblemDetail invalid(InvalidInput ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid input");
		problem.setType(URI.create("https://reconnect.example.org/problems/invalid-input"));
		List<Map<String, String>> errors = ex.problems()
			.stream()
			.map(p -> Map.of("field", p.field(), "message", p.message()))
			.toList();
		problem.setProperty("errors", errors);
		return problem;
	}

	/** Two requests wanted the one thing only one of them can have: the store's unique key decided. */
	@ExceptionHandler(CoachAlreadyExists.class)
	ProblemDetail coachExists(CoachAlreadyExists ex) {
		return conflict("Username taken", "username", ex);
	}

	@ExceptionHandler(AllyAlreadyNamed.class)
	ProblemDetail allyNamed(AllyAlreadyNamed ex) {
		return conflict("Already an ally", "phone", ex);
	}

	/** Reaches a supervisor or the participant's own coach only ({@link Caseload#enrol}): it names whom. */
	@ExceptionHandler(ParticipantAlreadyEnrolled.class)
	ProblemDetail duplicate(ParticipantAlreadyEnrolled ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Already enrolled", ex);
		if (ex.existing() != null) {
			problem.setProperty("participantId", ex.existing().value());
			problem.setProperty("coach", ex.coach());
		}
		return problem;
	}

	@ExceptionHandler(ParticipantOptedOut.class)
	ProblemDetail optedOut(ParticipantOptedOut ex) {
		return problem(HttpStatus.CONFLICT, "Participant opted out", ex);
	}

	@ExceptionHandler(ParticipantNotFound.class)
	ProblemDetail notFound(ParticipantNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "Participant not found", ex);
	}

	@ExceptionHandler(NothingToAcknowledge.class)
	ProblemDetail nothingToAcknowledge(NothingToAcknowledge ex) {
		return problem(HttpStatus.CONFLICT, "Nothing to acknowledge", ex);
	}

	@ExceptionHandler(NoticeNotFound.class)
	ProblemDetail noticeNotFound(NoticeNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "Notice not found", ex);
	}

	@ExceptionHandler(NoticeAlreadyAcknowledged.class)
	ProblemDetail noticeAlreadyAcknowledged(NoticeAlreadyAcknowledged ex) {
		return problem(HttpStatus.CONFLICT, "Already acknowledged", ex);
	}

	@ExceptionHandler(AllyNotFound.class)
	ProblemDetail allyNotFound(AllyNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "Ally not found", ex);
	}

	@ExceptionHandler(CoachNotFound.class)
	ProblemDetail coachNotFound(CoachNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "Coach not found", ex);
	}

	@ExceptionHandler(ReminderNotFound.class)
	ProblemDetail reminderNotFound(ReminderNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "Reminder not found", ex);
	}

	@ExceptionHandler(org.reconnect.routines.RoutineNotFound.class)
	ProblemDetail routineNotFound(org.reconnect.routines.RoutineNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "Routine not found", ex);
	}

	/** A record checked with {@code @Valid}: the same answer as {@link InvalidInput}, field by field. */
	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		List<InvalidInput.FieldProblem> problems = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new InvalidInput.FieldProblem(error.getField(), error.getDefaultMessage()))
			.sorted(java.util.Comparator.comparing(InvalidInput.FieldProblem::field))
			.toList();
		return ResponseEntity.badRequest().body(invalid(new InvalidInput(problems)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is missing or is not valid JSON: send a JSON object with the fields this "
						+ "endpoint takes, e.g. {\"name\":\"Sam\",\"phone\":\"+1 202 555 0143\",\"timeZone\":\"America/New_York\",\"checkInTime\":\"09:00\"} to enrol");
		problem.setTitle("Unreadable request body");
		return ResponseEntity.badRequest().body(problem);
	}

	private static ProblemDetail conflict(String title, String field, RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, field + ": " + ex.getMessage());
		problem.setTitle(title);
		problem.setProperty("errors", List.of(Map.of("field", field, "message", ex.getMessage())));
		return problem;
	}

	/** A problem whose detail is the exception's message, which says what to do. */
	private static ProblemDetail problem(HttpStatus status, String title, RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		return problem;
	}
}
