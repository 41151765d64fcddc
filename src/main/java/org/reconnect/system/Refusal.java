package org.reconnect.system;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A request refused for what is (not found, already done, opted out), told to the coach as a
 * problem detail's {@code detail}: its words are a code of {@code messages/problems*.properties}
 * with arguments, so they reach the reader in their language. The exception's own message is the
 * base language's words, for logs.
 */
public abstract class Refusal extends RuntimeException {

	private final String code;

	private final List<Object> arguments;

	protected Refusal(String code, Object... arguments) {
		this(ProblemWords.words(code, arguments));
	}

	private Refusal(DefaultMessageSourceResolvable words) {
		super(ProblemWords.base(words.getCodes()[0], words.getArguments()));
		this.code = words.getCodes()[0];
		this.arguments = List.of(words.getArguments());
	}

	/** The words for a reader of {@code locale}. */
	public String messageIn(MessageSource texts, Locale locale) {
		return texts.getMessage(code, arguments.toArray(), getMessage(), locale);
	}
}
