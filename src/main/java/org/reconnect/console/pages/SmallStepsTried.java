package org.reconnect.console.pages;

import java.time.Instant;
import java.util.List;

import org.reconnect.flows.ConversationView;

/**
 * What a participant tried of the small steps toward people, newest first: the step and how it
 * went, as a flow records them ({@code save: {tried: text, outcome: did}}), for the coach's page.
 */
public final class SmallStepsTried {

	/** The answers a flow records a step under: the step tried, and how it went. */
	static final String TRIED = "tried";
	static final String OUTCOME = "outcome";

	private SmallStepsTried() {
	}

	/**
	 * @param at when the conversation that recorded it began
	 * @param step the step's name in the flow (its words: {@code participant.steps.tried.<step>})
	 * @param outcome did, too_much or skipped (its words: {@code participant.steps.outcome.<outcome>})
	 */
	public record Entry(Instant at, String step, String outcome) {
	}

	static List<Entry> of(List<ConversationView> newestFirst) {
		return newestFirst.stream()
			.filter(c -> c.answers().containsKey(TRIED) && c.answers().containsKey(OUTCOME))
			.map(c -> new Entry(c.startedAt(), c.answers().get(TRIED), c.answers().get(OUTCOME)))
			.toList();
	}
}
