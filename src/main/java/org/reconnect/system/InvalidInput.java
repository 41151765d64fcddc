package org.reconnect.system;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.validation.ConstraintViolation;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;

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

	/** One field refused: {@code code} names its words in {@code messages/problems*.properties}. */
	public static InvalidInput of(String field, String code, Object... arguments) {
		return new InvalidInput(List.of(FieldProblem.of(field, code, arguments)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}

	/**
	 * One field and what to do about it, as a message code with its arguments: the words are
	 * {@code messages/problems*.properties}' (or the console's, {@code messages/console*}) in the
	 * reader's language, so there is no way to write a refusal in one language only. The one
	 * exception is a field a request record's annotations refuse: Bean Validation has already
	 * written it from {@code ValidationMessages*.properties} in the request's language.
	 * Serializable, because a console form keeps its problems in the session (shared by the nodes).
	 */
	public static final class FieldProblem implements Serializable {

		private static final long serialVersionUID = 2L;

		private final String field;

		private final String code;

		private final List<Object> arguments;

		/** Set only for a Bean Validation violation: its words, already in the request's language. */
		private final String validated;

		private FieldProblem(String field, String code, List<Object> arguments, String validated) {
			this.field = Objects.requireNonNull(field, "field");
			this.code = code;
			this.arguments = List.copyOf(arguments);
			this.validated = validated;
		}

		/**
		 * @param code a key of {@code messages/problems.properties} (and of every language's file)
		 * @param arguments its {@code {0}}, {@code {1}}... (values, not words: a time, a name, a limit)
		 * @throws IllegalArgumentException for a code the base bundle lacks, so a typo fails its first test
		 */
		public static FieldProblem of(String field, String code, Object... arguments) {
			DefaultMessageSourceResolvable words = words(code, arguments);
			return new FieldProblem(field, code, Arrays.asList(words.getArguments()), null);
		}

		/**
		 * Words with a code, to be an argument of another problem's (a rule's own problem inside
		 * "'FREQ=HOURLY' ..."): resolved in the same reader's language.
		 */
		public static DefaultMessageSourceResolvable words(String code, Object... arguments) {
			return ProblemWords.words(code, arguments);
		}

		/** This problem's words, to be an argument of another's. */
		public DefaultMessageSourceResolvable words() {
			return validated != null ? new DefaultMessageSourceResolvable(null, null, validated)
					: new DefaultMessageSourceResolvable(new String[] { code }, arguments.toArray());
		}

		/** A field a request record's annotations refuse, in the words the validator chose for the request. */
		public static FieldProblem violated(String field, ConstraintViolation<?> violation) {
			return new FieldProblem(field, null, List.of(), violation.getMessage());
		}

		public String field() {
			return field;
		}

		/** The message code, null for a {@link #violated} field. */
		public String code() {
			return code;
		}

		public List<Object> arguments() {
			return arguments;
		}

		/** The words in the base language (English): for logs and tests, never for a reader. */
		public String message() {
			return validated != null ? validated : ProblemWords.base(code, arguments.toArray());
		}

		/** The words for a reader of {@code locale}. */
		public String messageIn(MessageSource texts, Locale locale) {
			return validated != null ? validated : texts.getMessage(code, arguments.toArray(), message(), locale);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof FieldProblem that && field.equals(that.field) && Objects.equals(code, that.code)
					&& arguments.equals(that.arguments) && Objects.equals(validated, that.validated);
		}

		@Override
		public int hashCode() {
			return Objects.hash(field, code, arguments, validated);
		}

		@Override
		public String toString() {
			return field + ": " + message();
		}
	}
}
