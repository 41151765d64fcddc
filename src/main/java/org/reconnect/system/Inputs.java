package org.reconnect.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Configuration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.springframework.validation.beanvalidation.LocaleContextMessageInterpolator;

/**
 * Checks a request record against its Bean Validation annotations ({@code @Size}, {@link CleanText})
 * where a service takes it, so the API, the console's forms and anything else calling the service
 * get the same refusal: an {@link InvalidInput} naming each field, e.g. {@code leads[2].before}.
 * A controller that alone takes a record checks it with {@code @Valid}, with the same answer.
 */
public final class Inputs {

	private static final Validator VALIDATOR = validator();

	private Inputs() {
	}

	/**
	 * Hibernate Validator with its messages in the request's language (ValidationMessages_es), as
	 * Spring's own validator writes them for {@code @Valid}; outside a request, as before.
	 */
	private static Validator validator() {
		Configuration<?> configuration = Validation.byDefaultProvider().configure();
		return configuration
			.messageInterpolator(new LocaleContextMessageInterpolator(configuration.getDefaultMessageInterpolator()))
			.buildValidatorFactory()
			.getValidator();
	}

	/** @throws InvalidInput naming every field whose annotations the request breaks */
	public static void check(Object request) {
		List<InvalidInput.FieldProblem> problems = problems("", request);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	/** The request's problems, each field prefixed, e.g. {@code steps[3].} for one of a list. */
	public static List<InvalidInput.FieldProblem> problems(String prefix, Object request) {
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		for (ConstraintViolation<Object> violation : VALIDATOR.validate(request)) {
			problems.add(InvalidInput.FieldProblem.violated(prefix + field(violation.getPropertyPath()), violation));
		}
		problems.sort(Comparator.comparing(InvalidInput.FieldProblem::field).thenComparing(InvalidInput.FieldProblem::message));
		return problems;
	}

	/** {@code leads[1].before}, without the validator's {@code <list element>} names. */
	static String field(Path path) {
		StringBuilder field = new StringBuilder();
		for (Path.Node node : path) {
			if (node.isInIterable()) {
				field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
			}
			String name = node.getName();
			if (name != null && !name.startsWith("<")) {
				if (field.length() > 0) {
					field.append('.');
				}
				field.append(name);
			}
		}
		return field.toString();
	}
}
