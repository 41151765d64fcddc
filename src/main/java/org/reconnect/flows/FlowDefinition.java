package org.reconnect.flows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reconnect.messaging.Purpose;

/**
 * A flow as read from its YAML file: states, what each says on entry, the rules that pick the
 * transition for a reply, and what happens when a wait times out.
 *
 * @param revision the content hash of the file it was read from
 * @param languages every language the flow's texts are written in; the first is the default
 * @param expiresAfter a conversation still open this long after it started expires
 * @param onExpiry the event raised when it expires with no reply at all, or null
 * @param whenBusy what to do when this flow is started while another conversation is open
 * @param sentAs what the messages the flow sends on its own (not replies) count as: a check-in
 * (bulk, counted against the daily cap) or, for a flow that goes with a reminder, a reminder
 * @param party who the flow talks with: a participant, or an ally someone invited
 * @param entries other states a conversation may begin in, by the name the starter asks for
 * @param resume the name of a value the flow keeps ({@code keep}) that names the state its next
 * conversation with the same participant begins in; null when every conversation begins at the start
 * @param routine whether a coach may put the flow on a participant's routine ({@code routine: true}):
 * made to come back on a recurrence, unlike a welcome or the reply to a reminder
 * @param warnings what the soft inspection found; a flow with warnings still runs
 */
record FlowDefinition(String name, String revision, String file, List<String> languages, String start,
		Duration expiresAfter, FlowEvent onExpiry, WhenBusy whenBusy, Purpose sentAs, Party party, Map<String, String> entries,
		Texts notUnderstood, Map<String, StateDefinition> states, String resume, boolean routine, List<String> warnings) {

	/** The state a rule or timeout with {@code end: true} goes to; it says nothing. */
	static final String END = "_end";

	String defaultLanguage() {
		return languages.get(0);
	}

	Optional<StateDefinition> state(String name) {
		return Optional.ofNullable(states.get(name));
	}

	/** The state a conversation begins in: the named entry when the flow has it, else the start. */
	String startFor(String entry) {
		return entry == null ? start : entries.getOrDefault(entry, start);
	}

	/**
	 * The state a participant's conversation begins in, given what the flow kept for them last
	 * time: the state the {@code resume} value names, else the start.
	 */
	String resumeAt(Map<String, String> kept) {
		String named = resume == null ? null : kept.get(resume);
		return named != null && states.containsKey(named) && !named.equals(END) ? named : start;
	}

	/** Who a flow talks with; a flow runs with one kind only, and the validator holds it to that. */
	enum Party {
		PARTICIPANT,
		/** Someone a participant invited as an ally: never told anything a participant answered. */
		ALLY
	}

	/** RapidPro's campaign modes: what a flow does when it meets a conversation in progress. */
	enum WhenBusy {
		/** Start once the open conversation has ended. */
		WAIT,
		/** End the open conversation and start now. */
		INTERRUPT,
		/** Send this flow's first messages now without disturbing the open conversation. */
		ALONGSIDE
	}

	/**
	 * @param say sent when the conversation enters the state; may be null
	 * @param timeout what happens when no reply comes in time; null to wait until the conversation expires
	 * @param at file:line:column of the state's name, for messages
	 */
	record StateDefinition(String name, Texts say, boolean end, List<Rule> rules, Timeout timeout, String at) {
	}

	/**
	 * One way out of a state for a reply: its actions run in the order written.
	 *
	 * @param target the next state, or null to stay where the conversation is
	 * @param at file:line:column of the rule, for messages
	 */
	record Rule(Matcher when, List<Action> actions, String target, String at) {
	}

	/** No reply within {@code after}: run the actions and go to {@code target} (or stay). */
	record Timeout(Duration after, List<Action> actions, String target) {
	}

	/** A text in each language it is written in. */
	record Texts(Map<String, String> byLanguage) {

		String in(String language, String fallbackLanguage) {
			String text = byLanguage.get(language);
			return text != null ? text : byLanguage.get(fallbackLanguage);
		}
	}

	/** What a rule or timeout does; registered by type name in {@link FlowReader}. */
	sealed interface Action {

		/** type {@code say}: send a text to the participant. */
		record Say(Texts text) implements Action {
		}

		/** type {@code save}: keep the reply as the named answer. */
		record Save(String field) implements Action {
		}

		/**
		 * type {@code save} written as a mapping: keep these fixed values as answers (what the flow
		 * offered and what came of it, in the flow's own words), e.g. {@code {tried: text, outcome: did}}.
		 */
		record SaveValues(Map<String, String> values) implements Action {
		}

		/**
		 * type {@code keep}: values the flow keeps for the participant from one of its conversations to
		 * the next (a level on a ladder, e.g. {@code {rung: call}}); {@code resume} reads one back.
		 */
		record Keep(Map<String, String> values) implements Action {
		}

		/** type {@code emit}: raise a domain event, e.g. CheckInAnswered. */
		record Emit(FlowEvent event) implements Action {
		}

		/** type {@code handover}: tell the coach a person is needed, with a short reason (no message text). */
		record Handover(String reason) implements Action {
		}

		/** type {@code start_flow}: start another flow once this conversation has ended. */
		record StartFlow(String flow) implements Action {
		}

		/**
		 * type {@code record_consent}: the ally's answer to an invitation ({@code granted} or
		 * {@code declined}), handed to the consent module, whose ledger records it.
		 */
		record RecordConsent(boolean granted) implements Action {
		}
	}
}
