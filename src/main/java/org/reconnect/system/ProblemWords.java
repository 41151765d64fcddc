package org.reconnect.system;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The words of a refusal ({@link InvalidInput.FieldProblem}, {@link Refusal}) as a code of
 * {@code messages/problems*.properties} (a console form's: {@code messages/console*}) with its
 * arguments. The base language's words (the files without a language) serve logs and tests, and
 * check the code: one that has no text fails where it is raised, in its first test.
 */
final class ProblemWords {

	private static final MessageSource BASE = base();

	private ProblemWords() {
	}

	/** @throws IllegalArgumentException for a code the base bundles lack */
	static DefaultMessageSourceResolvable words(String code, Object... arguments) {
		Objects.requireNonNull(code, "code");
		Object[] values = Arrays.stream(arguments == null ? new Object[0] : arguments).map(ProblemWords::kept).toArray();
		if (BASE.getMessage(code, values, null, Locale.ROOT) == null) {
			throw new IllegalArgumentException("no text for '" + code + "' in messages/problems.properties");
		}
		return new DefaultMessageSourceResolvable(new String[] { code }, values);
	}

	/** The words in the base language (English). */
	static String base(String code, Object[] arguments) {
		return BASE.getMessage(code, arguments, Locale.ROOT);
	}

	/**
	 * An argument as kept: nested words as they are, anything else as its text (a number too, so
	 * that 1000 does not become "1,000" or "1.000"); serializable either way.
	 */
	private static Object kept(Object value) {
		return value instanceof MessageSourceResolvable nested ? new DefaultMessageSourceResolvable(nested)
				: String.valueOf(value);
	}

	private static MessageSource base() {
		ResourceBundleMessageSource base = new ResourceBundleMessageSource();
		base.setBasenames("messages/problems", "messages/console");
		base.setDefaultEncoding("UTF-8");
		base.setFallbackToSystemLocale(false);
		return base;
	}
}
