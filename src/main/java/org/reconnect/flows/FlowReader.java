package org.reconnect.flows;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.reconnect.flows.FlowDefinition.Action;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a flow file: size check, YAML parse keeping line numbers, migration of the raw tree from
 * older spec versions, binding to records with hard validation (errors stop the flow from
 * loading), then soft inspection (warnings). Every error names the file, the line and column,
 * and what to do.
 */
class FlowReader {

	static final int MAX_BYTES = 64 * 1024;
	static final int SPEC_VERSION = FlowMigrations.CURRENT;
	static final Set<String> PLACEHOLDERS = Set.of("first_name", "participant_name", "coach_name", "program_name",
			"streak", "progress", "next_meeting");
	/** What a text to an ally may hold: names, never anything a participant answered or did. */
	static final Set<String> ALLY_PLACEHOLDERS = Set.of("first_name", "participant_name", "program_name");
	/** Actions that would carry or act on a participant's answers, so never in a flow with an ally. */
	static final Set<String> PARTICIPANT_ACTIONS = Set.of("save", "emit", "handover", "start_flow", "keep");
	static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

	/** Matcher types written as a mapping, by name: {@code when: {number: [1, 5]}}. */
	static final Map<String, BiFunction<FlowMatchers, Node, Matcher>> MATCHERS = Map.of(
			"number", FlowMatchers::numberMatcher,
			"keywords", FlowMatchers::keywordsMatcher,
			"regex", FlowMatchers::regexMatcher);

	/** Matcher types written as a single word: {@code when: yes}. */
	static final Map<String, Matcher> WORD_MATCHERS = Map.of(
			"any", new Matcher.Any(),
			"yes", new Matcher.Answer(Answers.Kind.YES),
			"no", new Matcher.Answer(Answers.Kind.NO),
			"somewhat", new Matcher.Answer(Answers.Kind.SOMEWHAT));

	/** Action types by name: every key of a rule or timeout other than when, goto and end. */
	static final Map<String, BiFunction<FlowBinder, Node, Action>> ACTIONS = Map.of(
			"say", (b, n) -> new Action.Say(b.texts(n)),
			"save", FlowBinder::save,
			"keep", FlowBinder::keep,
			"emit", FlowBinder::emit,
			"handover", (b, n) -> new Action.Handover(b.scalar(n)),
			"start_flow", (b, n) -> new Action.StartFlow(b.scalar(n)),
			"record_consent", FlowBinder::recordConsent);

	static final Set<String> TOP_KEYS = Set.of("spec_version", "name", "languages", "start", "expires",
			"when_busy", "sent_as", "party", "entries", "not_understood", "states", "resume", "routine");
	static final Set<String> STATE_KEYS = Set.of("say", "on_reply", "timeout", "end");

	FlowDefinition read(String file, String content) {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > MAX_BYTES) {
			throw new FlowInvalid(file + ":1:1: the file is " + bytes.length + " bytes, more than the " + MAX_BYTES
					+ " allowed: split it into smaller flows");
		}
		Node root = parse(file, content);
		Node migrated = new FlowMigrations(file).migrate(root);
		return new FlowBinder(file).flow(migrated, hash(bytes));
	}

	static Node parse(String file, String content) {
		try {
			Node root = new Yaml(new LoaderOptions()).compose(new StringReader(content));
			if (root == null) {
				throw new FlowInvalid(file + ":1:1: the file is empty: write a flow with spec_version, name, start and states");
			}
			return root;
		}
		catch (MarkedYAMLException ex) {
			// Where the broken construct began says more than where the parser gave up.
			Mark mark = ex.getContextMark() != null ? ex.getContextMark() : ex.getProblemMark();
			String what = ex.getContext() != null ? ex.getContext() + ", " + ex.getProblem() : ex.getProblem();
			throw new FlowInvalid(file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": YAML syntax: "
					+ what + ": fix the quoting or indentation there");
		}
	}

	private static String hash(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Where a node stands, as file:line:column. */
	static String at(String file, Node node) {
		if (node == null) {
			return file + ":1:1";
		}
		Mark mark = node.getStartMark();
		return file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
	}
}
