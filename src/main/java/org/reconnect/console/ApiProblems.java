package org.reconnect.console;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;

import org.reconnect.coaches.CoachAlreadyExists;
import org.reconnect.coaches.CoachNotFound;
import org.reconnect.consent.AllyAlreadyNamed;
import org.reconnect.consent.AllyQuestionOpen;
import org.reconnect.consent.ProgressNotAskable;
import org.reconnect.participants.ParticipantAlreadyEnrolled;
import org.reconnect.reminders.ReminderNotFound;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
	ProblemDetail invalid(InvalidInput ex, Locale locale) {
		List<Map<String, String>> errors = ex.problems()
			.stream()
			.map(p -> Map.of("field", p.field(), "message", p.messageIn(texts(), locale)))
			.toList();
		String detail = errors.stream()
			.map(error -> error.get("field") + ": " + error.get("message"))
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle(title("invalid-input", locale));
		problem.setType(URI.create("https://reconnect.example.org/problems/invalid-input"));
		problem.setProperty("errors", errors);
		return problem;
	}

	/** Two requests wanted the one thing only one of them can have: the store's unique key decided. */
	@ExceptionHandler(CoachAlreadyExists.class)
	ProblemDetail coachExists(CoachAlreadyExists ex, Locale locale) {
		return conflict(title("username-taken", locale), "username", ex, locale);
	}

	@ExceptionHandler(AllyAlreadyNamed.class)
	ProblemDetail allyNamed(AllyAlreadyNamed ex, Locale locale) {
		return conflict(title("already-ally", locale), "phone", ex, locale);
	}

	/** The ally's consent is not in a state good news can be added to: the detail says which, and what to do. */
	@ExceptionHandler(ProgressNotAskable.class)
	ProblemDetail progressNotAskable(ProgressNotAskable ex, Locale locale) {
		return conflict(title("progress-not-askable", locale), "allyId", ex, locale);
	}

	/**
	 * The ally's number has a question open: which one (only when it is this participant's), and when
	 * asking again is never refused for it.
	 */
	@ExceptionHandler(AllyQuestionOpen.class)
	ProblemDetail questionOpen(AllyQuestionOpen ex, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, title("question-open", locale), ex, locale);
		if (ex.question() != null) {
			problem.setProperty("openQuestion", ex.question().name());
		}
		problem.setProperty("tryAfter", ex.tryAfter().toString());
		return problem;
	}

	/** Reaches a supervisor or the participant's own coach only ({@link Caseload#enrol}): it names whom. */
	@ExceptionHandler(ParticipantAlreadyEnrolled.class)
	ProblemDetail duplicate(ParticipantAlreadyEnrolled ex, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, title("already-enrolled", locale), ex, locale);
		if (ex.existing() != null) {
			problem.setProperty("participantId", ex.existing().value());
			problem.setProperty("coach", ex.coach());
		}
		return problem;
	}

	@ExceptionHandler(ParticipantOptedOut.class)
	ProblemDetail optedOut(ParticipantOptedOut ex, Locale locale) {
		return problem(HttpStatus.CONFLICT, title("opted-out", locale), ex, locale);
	}

	@ExceptionHandler(CheckInNotDelivered.class)
	ProblemDetail checkInNotDelivered(CheckInNotDelivered ex, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, title("check-in-not-delivered", locale), ex, locale);
		problem.setProperty("reason", ex.reason());
		return problem;
	}

	@ExceptionHandler(ParticipantNotFound.class)
	ProblemDetail notFound(ParticipantNotFound ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, title("participant-not-found", locale), ex, locale);
	}

	@ExceptionHandler(NothingToAcknowledge.class)
	ProblemDetail nothingToAcknowledge(NothingToAcknowledge ex, Locale locale) {
		return problem(HttpStatus.CONFLICT, title("nothing-to-acknowledge", locale), ex, locale);
	}

	@ExceptionHandler(NoticeNotFound.class)
	ProblemDetail noticeNotFound(NoticeNotFound ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, title("notice-not-found", locale), ex, locale);
	}

	@ExceptionHandler(NoticeAlreadyAcknowledged.class)
	ProblemDetail noticeAlreadyAcknowledged(NoticeAlreadyAcknowledged ex, Locale locale) {
		return problem(HttpStatus.CONFLICT, title("already-acknowledged", locale), ex, locale);
	}

	@ExceptionHandler(AllyNotFound.class)
	ProblemDetail allyNotFound(AllyNotFound ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, title("ally-not-found", locale), ex, locale);
	}

	@ExceptionHandler(CoachNotFound.class)
	ProblemDetail coachNotFound(CoachNotFound ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, title("coach-not-found", locale), ex, locale);
	}

	@ExceptionHandler(ReminderNotFound.class)
	ProblemDetail reminderNotFound(ReminderNotFound ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, title("reminder-not-found", locale), ex, locale);
	}

	@ExceptionHandler(org.reconnect.routines.RoutineNotFound.class)
	ProblemDetail routineNotFound(org.reconnect.routines.RoutineNotFound ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, title("routine-not-found", locale), ex, locale);
	}

	/**
	 * A record checked with {@code @Valid}: the same answer as {@link InvalidInput}, field by field;
	 * Spring's validator wrote each message in the request's language (ValidationMessages*.properties).
	 */
	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		List<InvalidInput.FieldProblem> problems = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> InvalidInput.FieldProblem.violated(error.getField(), error.unwrap(ConstraintViolation.class)))
			.sorted(java.util.Comparator.comparing(InvalidInput.FieldProblem::field))
			.toList();
		return ResponseEntity.badRequest().body(invalid(new InvalidInput(problems), LocaleContextHolder.getLocale()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				texts().getMessage("problem.detail.unreadable-body", null, locale));
		problem.setTitle(title("unreadable-body", locale));
		return ResponseEntity.badRequest().body(problem);
	}

	/** A title from messages/problems*.properties in the reader's language. */
	private String title(String name, Locale locale) {
		return texts().getMessage("problem.title." + name, null, locale);
	}

	/** The application's MessageSource, which Spring gives every exception handler (MessageSourceAware). */
	private MessageSource texts() {
		return java.util.Objects.requireNonNull(getMessageSource(), "no MessageSource");
	}

	private ProblemDetail conflict(String title, String field, Refusal ex, Locale locale) {
		String message = ex.messageIn(texts(), locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, field + ": " + message);
		problem.setTitle(title);
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

	/** A problem whose detail is the refusal's words in the reader's language, which say what to do. */
	private ProblemDetail problem(HttpStatus status, String title, Refusal ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.messageIn(texts(), locale));
		problem.setTitle(title);
		return problem;
	}
}
