package org.reconnect.flows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.reconnect.flows.FlowDefinition.Rule;
import org.reconnect.flows.FlowDefinition.StateDefinition;
import org.reconnect.flows.FlowDefinition.Texts;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a flow file: size check, YAML parse keeping line numbers, binding to records, validation.
 * Every error names the file, the line and column, and what to do.
 */
class FlowReader {

	static final int MAX_BYTES = 64 * 1024;
	static final int SPEC_VERSION = 1;
	private static final Set<String> EVENTS = Set.of("CheckInAnswered");
	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(m|h|d)");
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
	private static final Set<String> PLACEHOLDERS = Set.of("first_name");

	FlowDefinition read(String file, String content) {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > MAX_BYTES) {
			throw new FlowInvalid(file + ": the file is " + bytes.length + " bytes, more than the " + MAX_BYTES
					+ " allowed: split it into smaller flows");
		}
		Node root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			root = new Yaml(options).compose(new java.io.StringReader(content));
		}
		catch (MarkedYAMLException ex) {
			var mark = ex.getProblemMark();
			throw new FlowInvalid(file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": YAML syntax: "
					+ ex.getProblem() + ": fix the indentation or quoting there");
		}
		return new Binder(file).flow(root, hash(bytes));
	}

	private static String hash(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Binds the YAML tree, remembering where each value stood. */
	private record Binder(String file) {

		FlowDefinition flow(Node root, String revision) {
			MappingNode top = mapping(root, "the file", "write the flow as a mapping with spec_version, name, start and states");
			Map<String, Node> fields = fields(top);
			int version = integer(required(top, fields, "spec_version", "add spec_version: " + SPEC_VERSION));
			if (version != SPEC_VERSION) {
				throw error(fields.get("spec_version"), "spec_version " + version + " is not known: use " + SPEC_VERSION);
			}
			String name = scalar(required(top, fields, "name", "add name: the flow's name"));
			String language = fields.containsKey("default_language") ? scalar(fields.get("default_language")) : "en";
			Node startNode = required(top, fields, "start", "add start: the name of the first state");
			String start = scalar(startNode);
			Duration expires = fields.containsKey("expires_after") ? duration(fields.get("expires_after")) : Duration.ofDays(1);
			String onExpiry = fields.containsKey("on_expiry") ? scalar(fields.get("on_expiry")) : null;
			if (onExpiry != null && !onExpiry.equals("CheckInMissed")) {
				throw error(fields.get("on_expiry"), "unknown event '" + onExpiry + "': on_expiry may raise CheckInMissed");
			}
			Texts notUnderstood = fields.containsKey("not_understood") ? texts(fields.get("not_understood"), language)
					: new Texts(Map.of(language, "Sorry, I didn't catch that."));
			MappingNode statesNode = mapping(required(top, fields, "states", "add states: a mapping of state names"),
					"states", "list each state as name: {say: ..., on_reply: [...]}");
			Map<String, StateDefinition> states = new LinkedHashMap<>();
			Map<String, Node> targets = new LinkedHashMap<>();
			for (NodeTuple tuple : statesNode.getValue()) {
				String stateName = scalar(tuple.getKeyNode());
				states.put(stateName, state(stateName, tuple.getValueNode(), language, targets));
			}
			if (!states.containsKey(start)) {
				throw error(startNode, "start state '" + start + "' is not among the states: name one of " + states.keySet());
			}
			targets.forEach((target, node) -> {
				if (!states.containsKey(target)) {
					throw error(node, "transition to missing state '" + target + "': add that state or go to one of "
							+ states.keySet());
				}
			});
			return new FlowDefinition(name, revision, language, start, expires, onExpiry, notUnderstood, Map.copyOf(states));
		}

		private StateDefinition state(String name, Node node, String language, Map<String, Node> targets) {
			MappingNode mapping = mapping(node, "state '" + name + "'", "give the state say:, on_reply: or end: true");
			Map<String, Node> fields = fields(mapping);
			Texts say = fields.containsKey("say") ? texts(fields.get("say"), language) : null;
			boolean end = fields.containsKey("end") && Boolean.parseBoolean(scalar(fields.get("end")));
			List<Rule> rules = new ArrayList<>();
			if (fields.containsKey("on_reply")) {
				if (!(fields.get("on_reply") instanceof SequenceNode list)) {
					throw error(fields.get("on_reply"), "on_reply must be a list of rules: start each with '- when:'");
				}
				for (Node ruleNode : list.getValue()) {
					rules.add(rule(name, ruleNode, language, targets));
				}
			}
			if (!end && rules.isEmpty()) {
				throw error(node, "state '" + name + "' waits with no way out: add on_reply rules or end: true");
			}
			return new StateDefinition(name, say, end, List.copyOf(rules));
		}

		private Rule rule(String state, Node node, String language, Map<String, Node> targets) {
			MappingNode mapping = mapping(node, "a rule of state '" + state + "'", "write the rule as when:, then say:, save:, goto:");
			Map<String, Node> fields = fields(mapping);
			Matcher when = matcher(required(mapping, fields, "when", "add when: (any, yes, no, number, keywords or regex)"));
			Texts say = fields.containsKey("say") ? texts(fields.get("say"), language) : null;
			String save = fields.containsKey("save") ? scalar(fields.get("save")) : null;
			String emit = null;
			if (fields.containsKey("emit")) {
				emit = scalar(fields.get("emit"));
				if (!EVENTS.contains(emit)) {
					throw error(fields.get("emit"), "unknown event '" + emit + "': emit one of " + EVENTS);
				}
			}
			String target = null;
			if (fields.containsKey("goto")) {
				target = scalar(fields.get("goto"));
				targets.putIfAbsent(target, fields.get("goto"));
			}
			return new Rule(when, say, save, emit, target);
		}

		private Matcher matcher(Node node) {
			if (node instanceof ScalarNode scalar) {
				return switch (scalar.getValue()) {
					case "any" -> new Matcher.Any();
					case "yes" -> new Matcher.YesNo(true);
					case "no" -> new Matcher.YesNo(false);
					default -> throw error(node, "unknown matcher '" + scalar.getValue()
							+ "': use any, yes, no, {number: [min, max]}, {keywords: [...]} or {regex: ...}");
				};
			}
			MappingNode mapping = mapping(node, "when", "use any, yes, no, {number: [min, max]}, {keywords: [...]} or {regex: ...}");
			NodeTuple only = mapping.getValue().get(0);
			String type = scalar(only.getKeyNode());
			Node value = only.getValueNode();
			return switch (type) {
				case "number" -> {
					List<Node> bounds = value instanceof SequenceNode seq ? seq.getValue() : List.of();
					if (bounds.size() != 2) {
						throw error(value, "number needs two bounds: write number: [1, 5]");
					}
					yield new Matcher.NumberBetween(integer(bounds.get(0)), integer(bounds.get(1)));
				}
				case "keywords" -> {
					if (!(value instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
						throw error(value, "keywords needs a list: write keywords: [nobody, no one]");
					}
					yield new Matcher.Keywords(seq.getValue().stream().map(this::scalar).toList());
				}
				case "regex" -> {
					try {
						yield new Matcher.Regex(Pattern.compile(scalar(value), Pattern.CASE_INSENSITIVE));
					}
					catch (PatternSyntaxException ex) {
						throw error(value, "the regular expression does not compile (" + ex.getDescription() + "): fix or quote it");
					}
				}
				default -> throw error(only.getKeyNode(), "unknown matcher type '" + type
						+ "': use number, keywords or regex (or any, yes, no)");
			};
		}

		private Texts texts(Node node, String defaultLanguage) {
			Map<String, String> byLanguage = new LinkedHashMap<>();
			if (node instanceof ScalarNode) {
				byLanguage.put(defaultLanguage, template(node));
			}
			else {
				for (NodeTuple tuple : mapping(node, "say", "write a text, or a mapping of language to text").getValue()) {
					byLanguage.put(scalar(tuple.getKeyNode()), template(tuple.getValueNode()));
				}
				if (!byLanguage.containsKey(defaultLanguage)) {
					throw error(node, "no text in the default language '" + defaultLanguage + "': add " + defaultLanguage + ": ...");
				}
			}
			return new Texts(Map.copyOf(byLanguage));
		}

		private String template(Node node) {
			String text = scalar(node);
			long open = text.chars().filter(c -> c == '{').count();
			long close = text.chars().filter(c -> c == '}').count();
			if (open != close) {
				throw error(node, "malformed template: unbalanced braces; write placeholders as {first_name}");
			}
			var found = PLACEHOLDER.matcher(text);
			while (found.find()) {
				if (!PLACEHOLDERS.contains(found.group(1))) {
					throw error(node, "unknown placeholder {" + found.group(1) + "}: use one of " + PLACEHOLDERS);
				}
			}
			return text;
		}

		private Duration duration(Node node) {
			var found = DURATION.matcher(scalar(node).trim());
			if (!found.matches()) {
				throw error(node, "bad duration '" + scalar(node) + "': write a number and m, h or d, e.g. 90m, 6h, 2d");
			}
			long amount = Long.parseLong(found.group(1));
			return switch (found.group(2)) {
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
		}

		private Node required(Node parent, Map<String, Node> fields, String key, String todo) {
			Node node = fields.get(key);
			if (node == null) {
				throw error(parent, "missing " + key + ": " + todo);
			}
			return node;
		}

		private Map<String, Node> fields(MappingNode mapping) {
			Map<String, Node> fields = new LinkedHashMap<>();
			mapping.getValue().forEach(tuple -> fields.put(scalar(tuple.getKeyNode()), tuple.getValueNode()));
			return fields;
		}

		private MappingNode mapping(Node node, String what, String todo) {
			if (node instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
				return mapping;
			}
			throw error(node, what + " is not a mapping: " + todo);
		}

		private String scalar(Node node) {
			if (node instanceof ScalarNode scalar) {
				return scalar.getValue();
			}
			throw error(node, "expected a single value here, not a list or mapping");
		}

		private int integer(Node node) {
			try {
				return Integer.parseInt(scalar(node).trim());
			}
			catch (NumberFormatException ex) {
				throw error(node, "'" + scalar(node) + "' is not a whole number");
			}
		}

		private FlowInvalid error(Node node, String message) {
			if (node == null) {
				return new FlowInvalid(file + ": " + message);
			}
			var mark = node.getStartMark();
			return new FlowInvalid(file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": " + message);
		}
	}
}
