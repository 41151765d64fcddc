package org.reconnect.flows;

import static org.reconnect.flows.FlowReader.at;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the values of a flow file's YAML tree, each error and warning naming the file, line and
 * column where the value stood and what to do. The base of {@link FlowBinder}, {@link FlowTexts}
 * and {@link FlowMatchers}.
 */
abstract class FlowNodes {

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(m|h|d)");

	final String file;
	final List<String> warnings;

	FlowNodes(String file) {
		this.file = file;
		this.warnings = new ArrayList<>();
	}

	/** Reads more of the same file: errors name it, and warnings join its list in order. */
	FlowNodes(FlowNodes same) {
		this.file = same.file;
		this.warnings = same.warnings;
	}

	Node required(Node parent, Map<String, Node> fields, String key, String todo) {
		Node node = fields.get(key);
		if (node == null) {
			throw error(parent, "missing " + key + ": " + todo);
		}
		return node;
	}

	Map<String, Node> fields(MappingNode mapping, Set<String> allowed, String what) {
		Map<String, Node> fields = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = scalar(tuple.getKeyNode());
			if (!allowed.contains(key)) {
				throw error(tuple.getKeyNode(), "unknown " + what + " key '" + key + "': use one of " + new java.util.TreeSet<>(allowed));
			}
			if (fields.put(key, tuple.getValueNode()) != null) {
				throw error(tuple.getKeyNode(), "duplicate key '" + key + "': keep one");
			}
		}
		return fields;
	}

	MappingNode mapping(Node node, String what, String todo) {
		if (node instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
			return mapping;
		}
		throw error(node, what + " is not a mapping: " + todo);
	}

	List<Node> sequence(Node node, String what, String todo) {
		if (node instanceof SequenceNode sequence) {
			return sequence.getValue();
		}
		throw error(node, what + " must be a list: " + todo);
	}

	String scalar(Node node) {
		if (node instanceof ScalarNode scalar) {
			return scalar.getValue();
		}
		throw error(node, "expected a single value here, not a list or mapping");
	}

	boolean bool(Node node) {
		String value = scalar(node);
		if (!value.equals("true") && !value.equals("false")) {
			throw error(node, "'" + value + "' is not true or false");
		}
		return Boolean.parseBoolean(value);
	}

	int integer(Node node) {
		try {
			return Integer.parseInt(scalar(node).trim());
		}
		catch (NumberFormatException ex) {
			throw error(node, "'" + scalar(node) + "' is not a whole number");
		}
	}

	Duration duration(Node node) {
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

	void warn(Node node, String message) {
		warnings.add(at(file, node) + ": " + message);
	}

	FlowInvalid error(Node node, String message) {
		return new FlowInvalid(at(file, node) + ": " + message);
	}
}
