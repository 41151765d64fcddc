package org.reconnect.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconnect.ForbiddenWords;
import org.reconnect.flows.FlowDefinition.Action;
import org.reconnect.flows.FlowDefinition.Rule;
import org.reconnect.flows.FlowDefinition.StateDefinition;
import org.reconnect.flows.FlowDefinition.Texts;

/**
 * What an ally is asked passes the same check as the alerts they may later get: every text of the
 * ally-invitation flow, in every language, names no recovery, health condition or answer.
 */
class AllyInvitationTextsTests {

	private static final Path FLOW = Path.of("conversation-flows/ally-invitation.yaml");

	private final FlowDefinition flow = read();

	@Test
	void noInvitationTextHoldsAWordThatMustNeverAppear() {
		List<Texts> texts = texts(flow);
		assertThat(texts).hasSizeGreaterThanOrEqualTo(5);
		for (Texts text : texts) {
			text.byLanguage().forEach((language, template) -> {
				// Names go in as the ally sees them; {program_name} is the program's own name.
				String sent = template.replace("{first_name}", "Maria")
					.replace("{participant_name}", "Sam")
					.replace("{program_name}", "Reconnect");
				assertThat(ForbiddenWords.in(sent)).as("%s (%s): %s", FLOW, language, sent).isEmpty();
			});
		}
	}

	@Test
	void everyTextIsInEnglishAndSpanishAndTheFlowIsWithAnAlly() {
		assertThat(flow.party()).isEqualTo(FlowDefinition.Party.ALLY);
		assertThat(texts(flow)).allSatisfy(text -> assertThat(text.byLanguage()).containsKeys("en", "es"));
		assertThat(flow.entries()).containsKeys("crisis", "progress", "crisis-progress", "progress-only");
	}

	@Test
	void theCheckCatchesAForbiddenWordInAFlowText() {
		assertThat(ForbiddenWords.in("Hola Maria, Sam falta a su reunión")).containsExactly("reunión");
	}

	private static List<Texts> texts(FlowDefinition flow) {
		List<Texts> texts = new ArrayList<>(List.of(flow.notUnderstood()));
		for (StateDefinition state : flow.states().values()) {
			if (state.say() != null) {
				texts.add(state.say());
			}
			List<Action> actions = new ArrayList<>();
			state.rules().stream().map(Rule::actions).forEach(actions::addAll);
			if (state.timeout() != null) {
				actions.addAll(state.timeout().actions());
			}
			actions.stream().filter(Action.Say.class::isInstance).map(a -> ((Action.Say) a).text()).forEach(texts::add);
		}
		return texts;
	}

	private static FlowDefinition read() {
		try {
			return new FlowReader().read(FLOW.toString(), Files.readString(FLOW));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
