package org.reconnect.flows;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Brings the raw YAML tree of an older flow up to the current spec version, one step at a time,
 * before it is bound; untouched nodes keep their line numbers for error messages.
 *
 * <ul>
 * <li>1 → 2: {@code default_language: en} becomes {@code languages: [en, ...]} listing every
 * language the texts use (the default first); {@code expires_after} and {@code on_expiry} become
 * {@code expires: {after, emit}}.</li>
 * </ul>
 */
final class FlowMigrations {

	static final int CURRENT = 2;

	private static final List<UnaryOperator<MappingNode>> STEPS = List.of(FlowMigrations::oneToTwo);

	private final String file;

	FlowMigrations(String file) {
		this.file = file;
	}

	Node migrate(Node root) {
		if (!(root instanceof MappingNode mapping)) {
			return root;
		}
		NodeTuple versionTuple = find(mapping, "spec_version");
		if (versionTuple == null) {
			throw new FlowInvalid(FlowReader.at(file, root) + ": missing spec_version: add spec_version: " + CURRENT);
		}
		int version;
		try {
			version = Integer.parseInt(((ScalarNode) versionTuple.getValueNode()).getValue().trim());
		}
		catch (RuntimeException ex) {
			throw new FlowInvalid(FlowReader.at(file, versionTuple.getValueNode())
					+ ": spec_version is not a whole number: write spec_version: " + CURRENT);
		}
		if (version < 1 || version > CURRENT) {
			throw new FlowInvalid(FlowReader.at(file, versionTuple.getValueNode()) + ": spec_version " + version
					+ " is not known: this service reads 1 to " + CURRENT);
		}
		MappingNode current = mapping;
		for (int step = version; step < CURRENT; step++) {
			current = STEPS.get(step - 1).apply(current);
		}
		return current;
	}

	private static MappingNode oneToTwo(MappingNode root) {
		List<NodeTuple> tuples = new ArrayList<>();
		NodeTuple defaultLanguage = find(root, "default_language");
		NodeTuple expiresAfter = find(root, "expires_after");
		NodeTuple onExpiry = find(root, "on_expiry");
		Set<String> languages = new LinkedHashSet<>();
		languages.add(defaultLanguage == null ? "en" : ((ScalarNode) defaultLanguage.getValueNode()).getValue());
		collectLanguages(root, languages);
		for (NodeTuple tuple : root.getValue()) {
			String key = ((ScalarNode) tuple.getKeyNode()).getValue();
			switch (key) {
				case "spec_version" -> tuples.add(new NodeTuple(tuple.getKeyNode(), scalar("2", Tag.INT, tuple.getValueNode())));
				case "default_language" -> tuples.add(new NodeTuple(scalar("languages", Tag.STR, tuple.getKeyNode()),
						new SequenceNode(Tag.SEQ, languages.stream().map(l -> scalar(l, Tag.STR, tuple.getValueNode())).map(Node.class::cast).toList(),
								DumperOptions.FlowStyle.FLOW)));
				case "expires_after" -> {
					List<NodeTuple> expires = new ArrayList<>();
					expires.add(new NodeTuple(scalar("after", Tag.STR, tuple.getKeyNode()), tuple.getValueNode()));
					if (onExpiry != null) {
						expires.add(new NodeTuple(scalar("emit", Tag.STR, onExpiry.getKeyNode()), onExpiry.getValueNode()));
					}
					tuples.add(new NodeTuple(scalar("expires", Tag.STR, tuple.getKeyNode()),
							new MappingNode(Tag.MAP, expires, DumperOptions.FlowStyle.FLOW)));
				}
				case "on_expiry" -> {
					if (expiresAfter == null) {
						tuples.add(new NodeTuple(scalar("expires", Tag.STR, tuple.getKeyNode()), new MappingNode(Tag.MAP,
								List.of(new NodeTuple(scalar("after", Tag.STR, tuple.getKeyNode()), scalar("1d", Tag.STR, tuple.getValueNode())),
										new NodeTuple(scalar("emit", Tag.STR, tuple.getKeyNode()), tuple.getValueNode())),
								DumperOptions.FlowStyle.FLOW)));
					}
				}
				default -> tuples.add(tuple);
			}
		}
		if (defaultLanguage == null) {
			tuples.add(1, new NodeTuple(scalar("languages", Tag.STR, root), new SequenceNode(Tag.SEQ,
					languages.stream().map(l -> scalar(l, Tag.STR, root)).map(Node.class::cast).toList(), DumperOptions.FlowStyle.FLOW)));
		}
		return new MappingNode(Tag.MAP, tuples, root.getFlowStyle());
	}

	/** Language keys of texts: two-letter keys of mappings under say and not_understood. */
	private static void collectLanguages(Node node, Set<String> languages) {
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
				if ((key.equals("say") || key.equals("not_understood")) && tuple.getValueNode() instanceof MappingNode texts) {
					texts.getValue().forEach(t -> languages.add(((ScalarNode) t.getKeyNode()).getValue()));
				}
				collectLanguages(tuple.getValueNode(), languages);
			}
		}
		else if (node instanceof SequenceNode sequence) {
			sequence.getValue().forEach(child -> collectLanguages(child, languages));
		}
	}

	private static NodeTuple find(MappingNode mapping, String key) {
		return mapping.getValue()
			.stream()
			.filter(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key))
			.findFirst()
			.orElse(null);
	}

	private static ScalarNode scalar(String value, Tag tag, Node at) {
		return new ScalarNode(tag, value, at.getStartMark(), at.getEndMark(), DumperOptions.ScalarStyle.PLAIN);
	}
}
