package org.reconnect.participants;

import java.time.Duration;

/**
 * How a participant's silence is read, set by their coach.
 *
 * @param gracePeriod how long after a missed check-in they count as late before they count as quiet
 * @param missedToQuiet how many missed check-ins in a row make them quiet, whatever the time
 * @param anyMessageCounts whether any message from them counts as a sign of life (else only answers)
 */
public record ResponsivenessSettings(Duration gracePeriod, int missedToQuiet, boolean anyMessageCounts) {
}
