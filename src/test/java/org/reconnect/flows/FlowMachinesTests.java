package org.reconnect.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reconnect.flows.FlowDefinition.Action;
import org.reconnect.flows.FlowDefinition.Rule;
import org.reconnect.flows.FlowDefinition.StateDefinition;
import org.reconnect.flows.FlowMachines.Effect;
import org.reconnect.flows.FlowMachines.Step;

/**
 * Spring Statemachine is no longer maintained, so nothing upstream tells us when a new Spring
 * Framework breaks it: this builds the machine of every shipped flow on the platform we run and
 * drives every construct the flows compile to (entry actions, start at an entry, reset to a stored
 * state, reactive send, guarded external and internal transitions with their actions, timeouts,
 * end states). A reply that no rule takes is not a step, in a state without {@code when: any} too.
 */
class FlowMachinesTests {

	private static final Path SHIPPED = Path.of("conversation-flows");

	private final FlowReader reader = new FlowReader();

	@TestFactory
	Stream<DynamicTest> everyStateOfEveryShippedFlowRunsOnThePlatform() throws IOException {
		List<Path> files;
		try (Stream<Path> listing = Files.list(SHIPPED)) {
			files = listing.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(5);
		Set<String> replies = sentInTranscripts();
		return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
			FlowDefinition flow = read(file);
			startsAtItsStartAndEveryEntry(flow);
			for (StateDefinition state : flow.states().values()) {
				everyRuleIsTakenByAReplyItMatches(flow, state, replies);
				if (state.timeout() != null) {
					timesOut(flow, state);
				}
			}
		}));
	}

	@Test
	void aReplyNoRuleTakesIsNotAStepInAStateWithoutAnyRule() throws IOException {
		FlowDefinition flow = read(Path.of("src/test/resources/flows/policies/flows/test-strict.yaml"));
		assertThat(flow.state("ask").orElseThrow().rules()).noneMatch(rule -> rule.when() instanceof Matcher.Any);

		Step unmatched = FlowMachines.reply(flow, "ask", "maybe later");

		assertThat(unmatched.matched()).as("no rule took it: the runtime answers not_understood").isFalse();
		assertThat(unmatched.state()).isEqualTo("ask");
		assertThat(unmatched.ended()).isFalse();
		assertThat(unmatched.effects()).isEmpty();
		assertThat(FlowMachines.reply(flow, "ask", "yes").matched()).isTrue();
	}

	private static void startsAtItsStartAndEveryEntry(FlowDefinition flow) {
		Set<String> initials = new LinkedHashSet<>();
		initials.add(flow.start());
		initials.addAll(flow.entries().values());
		for (String initial : initials) {
			StateDefinition state = flow.state(initial).orElseThrow();
			Step step = FlowMachines.start(flow, initial);
			assertThat(step.state()).as("%s starts at %s", flow.name(), initial).isEqualTo(initial);
			assertThat(step.effects()).as("%s says its text on entering %s", flow.name(), initial)
				.isEqualTo(state.say() == null ? List.of() : List.of(new Effect.Say(state.say())));
		}
	}

	private static void everyRuleIsTakenByAReplyItMatches(FlowDefinition flow, StateDefinition state,
			Set<String> replies) {
		List<String> candidates = new ArrayList<>(replies);
		state.rules().forEach(rule -> candidates.add(0, sample(rule.when())));
		for (int i = 0; i < state.rules().size(); i++) {
			int index = i;
			String reply = candidates.stream()
				.filter(text -> FlowMachines.firstMatch(state, text) == index)
				.findFirst()
				.orElseThrow(() -> new AssertionError(
						flow.name() + "/" + state.name() + ": no reply found for rule " + index + ", " + state.rules().get(index).when()));
			Rule rule = state.rules().get(index);
			Step step = FlowMachines.reply(flow, state.name(), reply);
			String target = rule.target() == null ? state.name() : rule.target();
			assertThat(step.matched()).as("%s/%s takes %s", flow.name(), state.name(), reply).isTrue();
			assertThat(step.state()).as("%s/%s on %s", flow.name(), state.name(), reply).isEqualTo(target);
			assertThat(step.ended()).isEqualTo(flow.state(target).orElseThrow().end());
			assertThat(step.effects()).as("%s/%s on %s", flow.name(), state.name(), reply)
				.isEqualTo(expected(flow, rule.actions(), rule.target(), reply));
		}
		if (state.rules().stream().noneMatch(rule -> rule.when() instanceof Matcher.Any)) {
			String unmatched = candidates.stream()
				.filter(text -> FlowMachines.firstMatch(state, text) < 0)
				.findFirst()
				.orElse("\u2042");
			Step step = FlowMachines.reply(flow, state.name(), unmatched);
			assertThat(step.matched()).as("%s/%s takes no %s", flow.name(), state.name(), unmatched).isFalse();
			assertThat(step.state()).isEqualTo(state.name());
		}
	}

	private static void timesOut(FlowDefinition flow, StateDefinition state) {
		Step step = FlowMachines.timeout(flow, state.name());
		String target = state.timeout().target() == null ? state.name() : state.timeout().target();
		assertThat(step.matched()).isTrue();
		assertThat(step.state()).as("%s/%s times out", flow.name(), state.name()).isEqualTo(target);
		assertThat(step.effects()).isEqualTo(expected(flow, state.timeout().actions(), state.timeout().target(), ""));
	}

	/** The effects of a transition: its actions in order, then the text of the state it enters. */
	private static List<Effect> expected(FlowDefinition flow, List<Action> actions, String target, String reply) {
		List<Effect> effects = new ArrayList<>();
		for (Action action : actions) {
			if (action instanceof Action.Say say) {
				effects.add(new Effect.Say(say.text()));
			}
			else if (action instanceof Action.Save save) {
				effects.add(new Effect.Save(save.field(), reply));
			}
			else if (action instanceof Action.SaveValues values) {
				values.values().forEach((field, value) -> effects.add(new Effect.Save(field, value)));
			}
			else if (action instanceof Action.Keep keep) {
				effects.add(new Effect.Keep(keep.values()));
			}
			else if (action instanceof Action.Emit emit) {
				effects.add(new Effect.Emit(emit.event()));
			}
			else if (action instanceof Action.Handover handover) {
				effects.add(new Effect.Handover(handover.reason()));
			}
			else if (action instanceof Action.StartFlow start) {
				effects.add(new Effect.StartFlow(start.flow()));
			}
			else if (action instanceof Action.RecordConsent consent) {
				effects.add(new Effect.RecordConsent(consent.granted()));
			}
			else {
				throw new AssertionError("an action this test does not know: " + action);
			}
		}
		if (target != null && flow.state(target).orElseThrow().say() != null) {
			effects.add(new Effect.Say(flow.state(target).orElseThrow().say()));
		}
		return effects;
	}

	/** A reply each kind of rule takes; regular expressions are matched by the transcripts' replies. */
	private static String sample(Matcher matcher) {
		if (matcher instanceof Matcher.NumberBetween between) {
			return String.valueOf(between.min());
		}
		if (matcher instanceof Matcher.Answer answer) {
			return switch (answer.kind()) {
				case YES -> "yes";
				case NO -> "no";
				case SOMEWHAT -> "a little";
			};
		}
		if (matcher instanceof Matcher.Keywords keywords) {
			return keywords.keywords().get(0);
		}
		return matcher instanceof Matcher.Any ? "whatever comes to mind" : "yes";
	}

	/** Every text a shipped transcript sends. */
	private static Set<String> sentInTranscripts() throws IOException {
		Set<String> sent = new LinkedHashSet<>(List.of("yes", "no", "a little", "7:30", "9am", "3"));
		try (Stream<Path> listing = Files.list(SHIPPED.resolve("tests"))) {
			for (Path file : listing.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
				for (String line : Files.readAllLines(file)) {
					String trimmed = line.strip();
					if (trimmed.startsWith("- send:")) {
						String text = trimmed.substring("- send:".length()).strip();
						sent.add(text.startsWith("\"") && text.endsWith("\"") && text.length() > 1
								? text.substring(1, text.length() - 1) : text);
					}
				}
			}
		}
		return sent;
	}

	private FlowDefinition read(Path file) throws IOException {
		return reader.read(file.toString(), Files.readString(file));
	}
}
