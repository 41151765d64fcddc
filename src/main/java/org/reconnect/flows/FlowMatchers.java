package org.reconnect.flows;

import static org.reconnect.flows.FlowReader.MATCHERS;
import static org.reconnect.flows.FlowReader.WORD_MATCHERS;

import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Binds a rule's {@code when:} to a {@link Matcher}: a single word ({@code yes}) or one matcher
 * type registered by name ({@code {number: [1, 5]}}), its errors and warnings in the flow's.
 */
final class FlowMatchers extends FlowNodes {

	FlowMatchers(FlowNodes flow) {
		super(flow);
	}

	Matcher matcher(Node node) {
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
		BiFunction<FlowMatchers, Node, Matcher> parser = MATCHERS.get(type);
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
}
