package org.reconnect.console;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.reconnect.participants.ParticipantAlreadyEnrolled;
import org.reconnect.scheduling.ReminderNotFound;
import org.reconnect.system.InvalidInput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns the API's errors into RFC 9457 problem details that say what to send instead. */
@RestControllerAdvice
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

	@ExceptionHandler(ParticipantAlreadyEnrolled.class)
	ProblemDetail duplicate(ParticipantAlreadyEnrolled ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Already enrolled");
		return problem;
	}

	@ExceptionHandler(ParticipantNotFound.class)
	ProblemDetail notFound(ParticipantNotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Participant not found");
		return problem;
	}

	@ExceptionHandler(NothingToAcknowledge.class)
	ProblemDetail nothingToAcknowledge(NothingToAcknowledge ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Nothing to acknowledge");
		return problem;
	}

	@ExceptionHandler(AllyNotFound.class)
	ProblemDetail allyNotFound(AllyNotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Ally not found");
		return problem;
	}

	@ExceptionHandler(ReminderNotFound.class)
	ProblemDetail reminderNotFound(ReminderNotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Reminder not found");
		return problem;
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
}
