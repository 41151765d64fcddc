package org.reconnect.escalation;

import java.time.Duration;

/**
 * One step of the escalation ladder.
 *
 * @param name a label for the coach, e.g. "nudge"
 * @param delay how long after the first missed check-in the step is due
 * @param audience who it reaches
 * @param message the alert text's key in {@code alerts/alerts_<lang>.properties}, without the
 * audience suffix: {@code quiet} means {@code quiet.ally} for allies, {@code quiet.coach} for the coach
 * @param repeatEvery null: once per recipient per episode; else repeated this often until the
 * participant is back or someone acknowledges
 */
public record LadderStep(String name, Duration delay, Audience audience, String message, Duration repeatEvery) {
}
