package org.reconnect.system;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Input that cannot be accepted, with one entry per field saying what was wrong and what to send
 * instead. The API turns it into a 400 problem detail; nothing has been stored when it is thrown.
 */
public class InvalidInput extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInput(List<FieldProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.problems = List.copyOf(problems);
	}

	public static InvalidInput of(String field, String message) {
		return new InvalidInput(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}

	/**
	 * One field and what to do about it.
	 *
	 * @param message the words in the base language, for logs and as the fallback
	 * @param code with {@code arguments}, the same words in {@code messages/problems*.properties}, so the
	 *        API and the console give them in the reader's language (as Spring's ErrorResponse codes do);
	 *        null when the problem has only its base words; serializable, because a console form keeps
	 *        its problems in the session (shared by the nodes) for the page it redirects to
	 */
	public record FieldProblem(String field, String message, String code, List<Object> arguments)
			implements java.io.Serializable {

		public FieldProblem(String field, String message) {
			this(field, message, null, List.of());
		}

		public FieldProblem {
			arguments = arguments == null ? List.of() : List.copyOf(arguments);
		}

		/** The words for a reader of {@code locale}: the bundle's for the code, else the base words. */
		public String messageIn(MessageSource texts, Locale locale) {
			return code == null ? message : texts.getMessage(code, arguments.toArray(), message, locale);
		}
	}
}
