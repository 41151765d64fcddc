package org.reconnect.flows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flow as read from its YAML file: states, what each says on entry, and the rules that pick the
 * transition for a reply.
 *
 * @param revision the content hash of the file it was read from
 * @param expiresAfter a conversation still open this long after it started expires
 * @param onExpiry the event raised when it expires with no reply at all, or null
 */
record FlowDefinition(String name, String revision, String defaultLanguage, String start, Duration expiresAfter,
		String onExpiry, Texts notUnderstood, Map<String, StateDefinition> states) {

	Optional<StateDefinition> state(String name) {
		return Optional.ofNullable(states.get(name));
	}

	/** @param say sent when the conversation enters the state; may be null */
	record StateDefinition(String name, Texts say, boolean end, List<Rule> rules) {
	}

	/**
	 * One way out of a state for a reply.
	 *
	 * @param target the next state, or null to stay where the conversation is
	 * @param save the answer field the reply is saved to, or null
	 * @param emit a domain event to raise, or null
	 */
	record Rule(Matcher when, Texts say, String save, String emit, String target) {
	}

	/** A text in each language it is written in. */
	record Texts(Map<String, String> byLanguage) {

		String in(String language, String fallbackLanguage) {
			String text = byLanguage.get(language);
			return text != null ? text : byLanguage.get(fallbackLanguage);
		}
	}
}
