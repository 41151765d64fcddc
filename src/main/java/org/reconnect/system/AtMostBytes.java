package org.reconnect.system;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text of at most so many bytes in UTF-8, where a limit is in bytes rather than characters:
 * bcrypt reads only a password's first 72 bytes, and Spring Security refuses to hash more.
 */
@Documented
@Constraint(validatedBy = AtMostBytes.Check.class)
@Target({ FIELD, METHOD, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface AtMostBytes {

	int value();

	String message() default "{reconnect.bytes.message}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The check; public because Hibernate Validator instantiates it. */
	final class Check implements ConstraintValidator<AtMostBytes, CharSequence> {

		private int max;

		@Override
		public void initialize(AtMostBytes annotation) {
			max = annotation.value();
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || value.toString().getBytes(StandardCharsets.UTF_8).length <= max;
		}
	}
}
