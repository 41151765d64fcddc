package org.reconnect.flows;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The events a flow raises, by the names flow files give them: {@code emit: CheckInAnswered} in a
 * state, {@code expires: {emit: CheckInMissed}} at the top. The reader binds a name to one of
 * these, so a misspelt one stops the flow from loading instead of doing nothing.
 */
enum FlowEvent {

	/** A check-in was answered: a sign of life for escalation. */
	CHECK_IN_ANSWERED("CheckInAnswered", true),

	/** The reply saved as {@code check_in_time} becomes the participant's daily check-in time. */
	CHECK_IN_TIME_CHOSEN("CheckInTimeChosen", true),

	/** The participant said no to daily check-ins (onboarding): they stop until the participant says START. */
	CHECK_INS_DECLINED("CheckInsDeclined", true),

	/** The participant said they connected with someone today (progress counts the days). */
	REACHED_OUT("ReachedOut", true),

	/** A check-in expired with no reply at all; raised by {@code expires}, never by {@code emit}. */
	CHECK_IN_MISSED("CheckInMissed", false);

	private final String named;

	private final boolean emitted;

	FlowEvent(String named, boolean emitted) {
		this.named = named;
		this.emitted = emitted;
	}

	/** As a flow file names it, and as a conversation keeps it. */
	String named() {
		return named;
	}

	/** The event a state's {@code emit} names, if it is one. */
	static Optional<FlowEvent> emitted(String name) {
		return Arrays.stream(values()).filter(event -> event.emitted && event.named.equals(name)).findFirst();
	}

	/** The names a state's {@code emit} may give, in order. */
	static Set<String> emittable() {
		return Arrays.stream(values()).filter(event -> event.emitted).map(FlowEvent::named)
			.collect(Collectors.toCollection(TreeSet::new));
	}
}
