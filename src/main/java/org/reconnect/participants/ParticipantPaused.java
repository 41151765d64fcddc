package org.reconnect.participants;

import java.time.Instant;

/** Check-ins and escalation stop until {@code until}; {@code by} is "participant" or "coach:<name>". */
public record ParticipantPaused(ParticipantId participant, Instant until, String by) {
}
