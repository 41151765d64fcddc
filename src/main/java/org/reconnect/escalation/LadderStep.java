package org.reconnect.escalation;

import java.time.Duration;

import jakarta.validation.constraints.Size;

import org.reconnect.system.CleanText;

/**
 * One step of the escalation ladder.
 *
 * @param name a label for the coach, e.g. "nudge", at most 40 characters
 * @param delay how long after the first missed check-in the step is due
 * @param audience who it reaches
 * @param message the alert text's key in {@code messages/alerts*.properties}, without the
 * audience suffix: {@code quiet} means {@code quiet.ally} for allies, {@code quiet.coach} for the coach
 * @param repeatEvery null: once per recipient per episode; else repeated this often until the
 * participant is back or someone acknowledges
 */
public record LadderStep(@Size(max = 40) @CleanText String name, Duration delay, Audience audience,
		@Size(max = 40) @CleanText String message, Duration repeatEvery) {

	/** A ladder has a handful of steps: more is a mistake, never a plan. */
	public static final int MOST = 10;
}
