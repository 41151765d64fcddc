package org.reconnect.system;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A text a person types: no control characters (line breaks and tabs only where {@link #multiline}
 * allows them), no bidirectional override or isolate characters, no lone surrogates. The refusal
 * names the character and where it is ({@link UnicodeText#problem}). Every string of a request
 * record carries it, beside its {@code @Size}.
 */
@Documented
@Constraint(validatedBy = CleanText.Check.class)
@Target({ FIELD, METHOD, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface CleanText {

	String message() default "{reconnect.clean-text.message}";

	/** Whether line breaks (CR, LF) and tabs are allowed: a message, not a name. */
	boolean multiline() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The check; public because Hibernate Validator instantiates it. */
	final class Check implements ConstraintValidator<CleanText, CharSequence> {

		private boolean multiline;

		@Override
		public void initialize(CleanText annotation) {
			multiline = annotation.multiline();
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			UnicodeText.Found found = UnicodeText.find(value, multiline);
			if (found == null) {
				return true;
			}
			// the words from ValidationMessages*.properties in the reader's language; the character
			// and its place as parameters, never as part of the template
			context.disableDefaultConstraintViolation();
			context.unwrap(HibernateConstraintValidatorContext.class)
				.addMessageParameter("character", found.character())
				.addMessageParameter("position", String.valueOf(found.position()))
				.buildConstraintViolationWithTemplate("{reconnect.clean-text." + found.kind().key + "}"
						+ (multiline ? "" : "{reconnect.clean-text.one-line}"))
				.addConstraintViolation();
			return false;
		}
	}
}
