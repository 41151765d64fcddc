package org.reconnect.console.pages;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import org.reconnect.system.InvalidInput;
import org.springframework.context.MessageSource;

/**
 * A refused field as a page shows it, its words already in the coach's language; serializable, as
 * a flash attribute lives in the session until the page it redirects to; public for the templates' expressions.
 */
public record ShownProblem(String field, String message) implements Serializable {

	static List<ShownProblem> of(InvalidInput invalid, MessageSource texts, Locale locale) {
		return invalid.problems().stream().map(p -> new ShownProblem(p.field(), p.messageIn(texts, locale))).toList();
	}
}
