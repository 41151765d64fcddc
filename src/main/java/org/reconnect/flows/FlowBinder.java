package org.reconnect.flows;

import static org.reconnect.flows.FlowReader.ACTIONS;
import static org.reconnect.flows.FlowReader.ALLY_PLACEHOLDERS;
import static org.reconnect.flows.FlowReader.MATCHERS;
import static org.reconnect.flows.FlowReader.PARTICIPANT_ACTIONS;
import static org.reconnect.flows.FlowReader.PLACEHOLDER;
import static org.reconnect.flows.FlowReader.PLACEHOLDERS;
import static org.reconnect.flows.FlowReader.STATE_KEYS;
import static org.reconnect.flows.FlowReader.TOP_KEYS;
import static org.reconnect.flows.FlowReader.WORD_MATCHERS;
import static org.reconnect.flows.FlowReader.at;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.reconnect.flows.FlowDefinition.Action;
import org.reconnect.flows.FlowDefinition.Rule;
import org.reconnect.flows.FlowDefinition.StateDefinition;
import org.reconnect.flows.FlowDefinition.Texts;
import org.reconnect.flows.FlowDefinition.Timeout;
import org.reconnect.flows.FlowDefinition.WhenBusy;
import org.reconnect.messaging.Purpose;
import org.reconnect.system.SmsLength;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Binds a flow file's YAML tree (migrated to the current spec version) to a {@link FlowDefinition}:
 * hard validation as it goes (errors stop the flow from loading), then soft inspection (warnings).
 */
final class FlowBinder extends FlowNodes {

	private final Map<String, Node> targets = new LinkedHashMap<>();
	private List<String> languages = List.of("en");
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
		return new Rule(matcher(when), List.copyOf(actions), target, at(file, node));
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

	private String target(Node node) {
		return target(scalar(node), node);
	}

	private String target(String name, Node node) {
		targets.putIfAbsent(name, node);
		return name;
	}

	private Matcher matcher(Node node) {
		if (node instanceof ScalarNode scalar) {
			Matcher matcher = WORD_MATCHERS.get(scalar.getValue());
			if (matcher == null) {
				throw error(node, "unknown matcher '" + scalar.getValue()
						+ "': use any, yes, no, somewhat, {number: [min, max]}, {keywords: [...]} or {regex: ...}");
			}
			return matcher;
		}
		MappingNode mapping = mapping(node, "when", "use any, yes, no, somewhat, {number: [min, max]}, {keywords: [...]} or {regex: ...}");
		if (mapping.getValue().size() != 1) {
			throw error(node, "when takes one matcher: split it into several rules");
		}
		NodeTuple only = mapping.getValue().get(0);
		String type = scalar(only.getKeyNode());
		BiFunction<FlowBinder, Node, Matcher> parser = MATCHERS.get(type);
		if (parser == null) {
			throw error(only.getKeyNode(), "unknown matcher type '" + type + "': use number, keywords or regex (or any, yes, no)");
		}
		return parser.apply(this, only.getValueNode());
	}

	Matcher numberMatcher(Node value) {
		List<Node> bounds = value instanceof SequenceNode seq ? seq.getValue() : List.of();
		if (bounds.size() != 2) {
			throw error(value, "number needs two bounds: write number: [1, 5]");
		}
		int min = integer(bounds.get(0));
		int max = integer(bounds.get(1));
		if (min > max) {
			warn(value, "number [" + min + ", " + max + "] can never match: write the smaller bound first");
		}
		return new Matcher.NumberBetween(min, max);
	}

	Matcher keywordsMatcher(Node value) {
		if (!(value instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
			throw error(value, "keywords needs a list: write keywords: [nobody, no one]");
		}
		return new Matcher.Keywords(seq.getValue().stream().map(this::scalar).toList());
	}

	Matcher regexMatcher(Node value) {
		try {
			return new Matcher.Regex(Pattern.compile(scalar(value), Pattern.CASE_INSENSITIVE));
		}
		catch (PatternSyntaxException ex) {
			throw error(value, "the regular expression does not compile (" + ex.getDescription() + "): fix or quote it");
		}
	}

	Texts texts(Node node) {
		Map<String, String> byLanguage = new LinkedHashMap<>();
		if (node instanceof ScalarNode) {
			byLanguage.put(languages.get(0), template(node));
		}
		else {
			for (NodeTuple tuple : mapping(node, "a text", "write a text, or a mapping of language to text").getValue()) {
				String language = scalar(tuple.getKeyNode());
				if (!languages.contains(language)) {
					throw error(tuple.getKeyNode(), "language '" + language + "' is not in languages " + languages
							+ ": add it there or fix the key");
				}
				byLanguage.put(language, template(tuple.getValueNode()));
			}
		}
		for (String language : languages) {
			if (!byLanguage.containsKey(language)) {
				warn(node, "missing '" + language + "' translation: '" + languages.get(0) + "' is sent instead");
			}
		}
		if (!byLanguage.containsKey(languages.get(0))) {
			throw error(node, "no text in the default language '" + languages.get(0) + "': add " + languages.get(0) + ": ...");
		}
		byLanguage.forEach((language, text) -> segments(node, language, text));
		return new Texts(Map.copyOf(byLanguage));
	}

	private String template(Node node) {
		String text = scalar(node);
		int depth = 0;
		for (char c : text.toCharArray()) {
			depth += c == '{' ? 1 : c == '}' ? -1 : 0;
			if (depth < 0 || depth > 1) {
				throw error(node, "malformed template: unbalanced braces; write placeholders as {first_name}");
			}
		}
		if (depth != 0) {
			throw error(node, "malformed template: unbalanced braces; write placeholders as {first_name}");
		}
		var found = PLACEHOLDER.matcher(text);
		while (found.find()) {
			if (!PLACEHOLDERS.contains(found.group(1))) {
				throw error(node, "unknown placeholder {" + found.group(1) + "}: use one of " + new java.util.TreeSet<>(PLACEHOLDERS));
			}
			if (party == FlowDefinition.Party.ALLY && !ALLY_PLACEHOLDERS.contains(found.group(1))) {
				throw error(node, "{" + found.group(1) + "} cannot be sent to an ally, who is never told anything a participant "
						+ "answered: use one of " + new java.util.TreeSet<>(ALLY_PLACEHOLDERS));
			}
		}
		return text;
	}

	/** A text longer than one SMS is split, and parts can arrive out of order: say how many. */
	private void segments(Node node, String language, String text) {
		SmsLength length = SmsLength.of(PLACEHOLDER.matcher(text).replaceAll("Alexandra"));
		if (length.segments() > 1) {
			warn(node, "the '" + language + "' text is " + length.describe() + ": shorten it"
					+ (length.gsm7() ? "" : " or avoid the characters GSM-7 lacks"));
		}
	}
}
