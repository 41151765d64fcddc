package org.reconnect.flows;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reconnect.flows.FlowDefinition.Rule;
import org.reconnect.flows.FlowDefinition.StateDefinition;

/**
 * The soft inspection of a bound flow: what is worth a warning but never stops it from loading (a
 * state no transition reaches, a rule an earlier {@code when: any} hides).
 */
final class FlowInspection {

	private FlowInspection() {
	}

	static void inspect(List<String> beginnings, Map<String, StateDefinition> states, List<String> warnings) {
		String start = beginnings.get(0);
		Set<String> reached = new LinkedHashSet<>();
		Deque<String> todo = new ArrayDeque<>(beginnings);
		while (!todo.isEmpty()) {
			String name = todo.pop();
			StateDefinition state = states.get(name);
			if (state == null || !reached.add(name)) {
				continue;
			}
			state.rules().stream().map(Rule::target).filter(t -> t != null).forEach(todo::push);
			if (state.timeout() != null && state.timeout().target() != null) {
				todo.push(state.timeout().target());
			}
		}
		for (StateDefinition state : states.values()) {
			if (!reached.contains(state.name())) {
				warnings.add(state.at() + ": state '" + state.name()
						+ "' is unreachable from '" + start + "': add a goto to it or remove it");
			}
			boolean catchAll = false;
			for (Rule rule : state.rules()) {
				if (catchAll) {
					warnings.add(rule.at() + ": this rule of state '" + state.name()
							+ "' can never match: an earlier 'when: any' takes every reply; move it up or remove it");
				}
				catchAll |= rule.when() instanceof Matcher.Any;
			}
		}
	}
}
