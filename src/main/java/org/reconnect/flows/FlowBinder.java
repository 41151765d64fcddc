package org.reconnect.flows;

import static org.reconnect.flows.FlowReader.ACTIONS;
import static org.reconnect.flows.FlowReader.PARTICIPANT_ACTIONS;
import static org.reconnect.flows.FlowReader.STATE_KEYS;
import static org.reconnect.flows.FlowReader.TOP_KEYS;
import static org.reconnect.flows.FlowReader.at;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.reconnect.flows.FlowDefinition.Action;
import org.reconnect.flows.FlowDefinition.Rule;
import org.reconnect.flows.FlowDefinition.StateDefinition;
import org.reconnect.flows.FlowDefinition.Texts;
import org.reconnect.flows.FlowDefinition.Timeout;
import org.reconnect.flows.FlowDefinition.WhenBusy;
import org.reconnect.messaging.Purpose;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Binds a flow file's YAML tree (migrated to the current spec version) to a {@link FlowDefinition}:
 * hard validation as it goes (errors stop the flow from loading), then soft inspection (warnings).
 * Texts are bound by {@link FlowTexts}, a rule's {@code when:} by {@link FlowMatchers}.
 */
final class FlowBinder extends FlowNodes {

	private final Map<String, Node> targets = new LinkedHashMap<>();
	private final FlowMatchers matchers = new FlowMatchers(this);
	/** Set once the flow's languages and party are read, before any text. */
	private FlowTexts texts;
	private FlowDefinition.Party party = FlowDefinition.Party.PARTICIPANT;
	/** The kept value that names where the next conversation begins ({@code resume}), or null. */
	private String resume;
	/** The states a {@code keep} of the resume value names: conversations may begin there. */
	private final List<String> resumable = new ArrayList<>();

	FlowBinder(String file) {
		super(file);
	}

	FlowDefinition flow(Node root, String revision) {
		MappingNode top = mapping(root, "the file", "write the flow as a mapping with spec_version, name, start and states");
		Map<String, Node> fields = fields(top, TOP_KEYS, "flow");
		String name = scalar(required(top, fields, "name", "add name: the flow's name"));
		List<String> languages = List.of("en");
		if (fields.containsKey("languages")) {
			languages = sequence(fields.get("languages"), "languages", "list the languages, the default first: [en, es]")
				.stream().map(this::scalar).toList();
		}
		if (fields.containsKey("party")) {
			String value = scalar(fields.get("party"));
			try {
				party = FlowDefinition.Party.valueOf(value.toUpperCase());
			}
			catch (IllegalArgumentException ex) {
				throw error(fields.get("party"), "unknown party '" + value + "': use participant or ally");
			}
		}
		Node startNode = required(top, fields, "start", "add start: the name of the first state");
		String start = scalar(startNode);
		Map<String, String> entries = new LinkedHashMap<>();
		if (fields.containsKey("entries")) {
			for (NodeTuple tuple : mapping(fields.get("entries"), "entries",
					"write entries: {crisis: ask-with-crisis}, an entry name and the state it begins in").getValue()) {
				entries.put(scalar(tuple.getKeyNode()), target(tuple.getValueNode()));
			}
		}
		Duration expiresAfter = Duration.ofDays(1);
		FlowEvent onExpiry = null;
		if (fields.containsKey("expires")) {
			MappingNode expires = mapping(fields.get("expires"), "expires", "write expires: {after: 6h, emit: CheckInMissed}");
			Map<String, Node> expiry = fields(expires, Set.of("after", "emit"), "expires");
			expiresAfter = duration(required(expires, expiry, "after", "add after: e.g. 6h"));
			if (expiry.containsKey("emit")) {
				String named = scalar(expiry.get("emit"));
				if (party == FlowDefinition.Party.ALLY) {
					throw error(expiry.get("emit"), "a flow with an ally raises no check-in events: remove emit");
				}
				if (!FlowEvent.CHECK_IN_MISSED.named().equals(named)) {
					throw error(expiry.get("emit"), "unknown expiry event '" + named + "': expires may emit "
							+ FlowEvent.CHECK_IN_MISSED.named());
				}
				onExpiry = FlowEvent.CHECK_IN_MISSED;
			}
		}
		WhenBusy whenBusy = WhenBusy.WAIT;
		if (fields.containsKey("when_busy")) {
			String value = scalar(fields.get("when_busy"));
			try {
				whenBusy = WhenBusy.valueOf(value.toUpperCase());
			}
			catch (IllegalArgumentException ex) {
				throw error(fields.get("when_busy"), "unknown when_busy '" + value + "': use wait, interrupt or alongside");
			}
		}
		Purpose sentAs = Purpose.CHECK_IN;
		if (fields.containsKey("sent_as")) {
			Node node = fields.get("sent_as");
			if (party == FlowDefinition.Party.ALLY) {
				throw error(node, "a flow with an ally sends consent requests: remove sent_as");
			}
			String value = scalar(node);
			sentAs = switch (value) {
				case "check_in" -> Purpose.CHECK_IN;
				case "reminder" -> Purpose.REMINDER;
				default -> throw error(node, "unknown sent_as '" + value + "': use check_in or reminder");
			};
		}
		texts = new FlowTexts(this, languages, party);
		// no text of its own: none here, and the reader gets conversation.not-understood in their language
		Texts notUnderstood = fields.containsKey("not_understood") ? texts(fields.get("not_understood"))
				: new Texts(Map.of());
		if (fields.containsKey("resume")) {
			if (party == FlowDefinition.Party.ALLY) {
				throw error(fields.get("resume"), "a flow with an ally keeps nothing from one invitation to the next: remove resume");
			}
			resume = scalar(fields.get("resume"));
		}
		boolean routine = fields.containsKey("routine") && bool(fields.get("routine"));
		if (routine && party == FlowDefinition.Party.ALLY) {
			throw error(fields.get("routine"), "a flow with an ally is started by an invitation, never on a routine: remove routine");
		}
		MappingNode statesNode = mapping(required(top, fields, "states", "add states: a mapping of state names"),
				"states", "list each state as name: {say: ..., on_reply: [...]}");
		Map<String, StateDefinition> states = new LinkedHashMap<>();
		for (NodeTuple tuple : statesNode.getValue()) {
			String stateName = scalar(tuple.getKeyNode());
			if (states.containsKey(stateName)) {
				throw error(tuple.getKeyNode(), "duplicate state '" + stateName + "': rename one of them or merge them");
			}
			if (stateName.equals(FlowDefinition.END)) {
				throw error(tuple.getKeyNode(), "'" + FlowDefinition.END + "' is reserved: name the state differently");
			}
			states.put(stateName, state(stateName, tuple.getKeyNode(), tuple.getValueNode()));
		}
		if (!states.containsKey(start)) {
			throw error(startNode, "start state '" + start + "' is not among the states: name one of " + states.keySet());
		}
		targets.forEach((target, node) -> {
			if (!target.equals(FlowDefinition.END) && !states.containsKey(target)) {
				throw error(node, "transition to missing state '" + target + "': add that state or go to one of "
						+ states.keySet());
			}
		});
		if (resume != null && resumable.isEmpty()) {
			throw error(fields.get("resume"), "resume: " + resume + " is never kept: add keep: {" + resume
					+ ": <state>} to the rules that choose where the next conversation begins");
		}
		Map<String, StateDefinition> all = new LinkedHashMap<>(states);
		all.put(FlowDefinition.END, new StateDefinition(FlowDefinition.END, null, true, List.of(), null, file));
		List<String> beginnings = new ArrayList<>(List.of(start));
		beginnings.addAll(entries.values());
		beginnings.addAll(resumable);
		FlowInspection.inspect(beginnings, states, warnings);
		return new FlowDefinition(name, revision, file, languages, start, expiresAfter, onExpiry, whenBusy, sentAs, party,
				Map.copyOf(entries), notUnderstood, Map.copyOf(all), resume, routine, List.copyOf(warnings));
	}

	private StateDefinition state(String name, Node key, Node node) {
		MappingNode mapping = mapping(node, "state '" + name + "'", "give the state say:, on_reply:, timeout: or end: true");
		Map<String, Node> fields = fields(mapping, STATE_KEYS, "state");
		Texts say = fields.containsKey("say") ? texts(fields.get("say")) : null;
		boolean end = fields.containsKey("end") && bool(fields.get("end"));
		List<Rule> rules = new ArrayList<>();
		if (fields.containsKey("on_reply")) {
			for (Node ruleNode : sequence(fields.get("on_reply"), "on_reply", "start each rule with '- when:'")) {
				rules.add(rule(name, ruleNode));
			}
		}
		Timeout timeout = fields.containsKey("timeout") ? timeout(fields.get("timeout")) : null;
		if (end && (!rules.isEmpty() || timeout != null)) {
			throw error(node, "state '" + name + "' ends the conversation but also waits: remove end: true or its on_reply/timeout");
		}
		boolean wayOut = rules.stream().anyMatch(r -> r.target() != null)
				|| (timeout != null && timeout.target() != null);
		if (!end && !wayOut) {
			throw error(node, "state '" + name + "' waits with no way out: give a rule or its timeout a goto (or end: true)");
		}
		return new StateDefinition(name, say, end, List.copyOf(rules), timeout, at(file, key));
	}

	private Rule rule(String state, Node node) {
		MappingNode mapping = mapping(node, "a rule of state '" + state + "'", "write the rule as when:, actions, then goto:");
		Node when = null;
		String target = null;
		List<Action> actions = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = scalar(tuple.getKeyNode());
			if (!seen.add(key)) {
				throw error(tuple.getKeyNode(), "duplicate key '" + key + "' in a rule: keep one");
			}
			switch (key) {
				case "when" -> when = tuple.getValueNode();
				case "goto" -> target = target(tuple.getValueNode());
				case "end" -> target = bool(tuple.getValueNode()) ? target(FlowDefinition.END, tuple.getValueNode()) : target;
				default -> actions.add(action(key, tuple));
			}
		}
		if (when == null) {
			throw error(node, "a rule of state '" + state + "' has no when: add when: (any, yes, no, number, keywords or regex)");
		}
		return new Rule(matchers.matcher(when), List.copyOf(actions), target, at(file, node));
	}

	private Timeout timeout(Node node) {
		MappingNode mapping = mapping(node, "timeout", "write timeout: {after: 2h, say: ..., goto: ...}");
		Duration after = null;
		String target = null;
		List<Action> actions = new ArrayList<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = scalar(tuple.getKeyNode());
			switch (key) {
				case "after" -> after = duration(tuple.getValueNode());
				case "goto" -> target = target(tuple.getValueNode());
				case "end" -> target = bool(tuple.getValueNode()) ? target(FlowDefinition.END, tuple.getValueNode()) : target;
				default -> actions.add(action(key, tuple));
			}
		}
		if (after == null) {
			throw error(node, "timeout has no after: add after: e.g. 2h");
		}
		return new Timeout(after, List.copyOf(actions), target);
	}

	private Action action(String type, NodeTuple tuple) {
		BiFunction<FlowBinder, Node, Action> parser = ACTIONS.get(type);
		if (parser == null) {
			throw error(tuple.getKeyNode(), "unknown action type '" + type + "': use one of " + new java.util.TreeSet<>(ACTIONS.keySet())
					+ " (or when, goto, end)");
		}
		if (party == FlowDefinition.Party.ALLY && PARTICIPANT_ACTIONS.contains(type)) {
			throw error(tuple.getKeyNode(), "action '" + type + "' is for flows with a participant, and this flow is with an ally: remove it");
		}
		if (party != FlowDefinition.Party.ALLY && type.equals("record_consent")) {
			throw error(tuple.getKeyNode(), "record_consent is for a flow with an ally: add party: ally at the top, or remove it");
		}
		return parser.apply(this, tuple.getValueNode());
	}

	/** {@code save: mood} keeps the reply; {@code save: {tried: text}} keeps fixed values. */
	Action save(Node node) {
		if (node instanceof ScalarNode) {
			return new Action.Save(scalar(node));
		}
		return new Action.SaveValues(values(node, "save", "write save: answer_name, or save: {tried: text, outcome: did}"));
	}

	/** {@code keep: {rung: call}}; a value of the resume name must be a state, checked like a goto. */
	Action keep(Node node) {
		MappingNode mapping = mapping(node, "keep", "write keep: {rung: call}, a name and the value kept for next time");
		for (NodeTuple tuple : mapping.getValue()) {
			if (scalar(tuple.getKeyNode()).equals(resume)) {
				resumable.add(target(tuple.getValueNode()));
			}
		}
		return new Action.Keep(values(node, "keep", "write keep: {rung: call}, a name and the value kept for next time"));
	}

	private Map<String, String> values(Node node, String what, String todo) {
		Map<String, String> values = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping(node, what, todo).getValue()) {
			if (values.put(scalar(tuple.getKeyNode()), scalar(tuple.getValueNode())) != null) {
				throw error(tuple.getKeyNode(), "duplicate key '" + scalar(tuple.getKeyNode()) + "' in " + what + ": keep one");
			}
		}
		return Map.copyOf(values);
	}

	Action emit(Node node) {
		String event = scalar(node);
		return new Action.Emit(FlowEvent.emitted(event).orElseThrow(
				() -> error(node, "unknown event '" + event + "': emit one of " + FlowEvent.emittable())));
	}

	Action recordConsent(Node node) {
		String value = scalar(node);
		if (!value.equals("granted") && !value.equals("declined")) {
			throw error(node, "record_consent '" + value + "' is not granted or declined");
		}
		return new Action.RecordConsent(value.equals("granted"));
	}

	Texts texts(Node node) {
		return texts.texts(node);
	}

	private String target(Node node) {
		return target(scalar(node), node);
	}

	private String target(String name, Node node) {
		targets.putIfAbsent(name, node);
		return name;
	}
}
