package org.reconnect.flows;

import static org.reconnect.flows.FlowReader.ALLY_PLACEHOLDERS;
import static org.reconnect.flows.FlowReader.PLACEHOLDER;
import static org.reconnect.flows.FlowReader.PLACEHOLDERS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reconnect.flows.FlowDefinition.Texts;
import org.reconnect.system.SmsLength;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Binds a flow's texts: one per language of the flow (the default one required, a missing
 * translation a warning), placeholders the reader may be sent, and a warning for a text longer
 * than one SMS; its errors and warnings in the flow's.
 */
final class FlowTexts extends FlowNodes {

	private final List<String> languages;
	private final FlowDefinition.Party party;

	FlowTexts(FlowNodes flow, List<String> languages, FlowDefinition.Party party) {
		super(flow);
		this.languages = languages;
		this.party = party;
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
