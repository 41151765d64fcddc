package org.reconnect.system;

import java.util.List;

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

	/** One field and what to do about it. */
	public record FieldProblem(String field, String message) {
	}
}
