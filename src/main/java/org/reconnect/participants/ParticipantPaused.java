package org.reconnect.participants;

import java.time.Instant;

/**
 * Check-ins and escalation stop until {@code until}, or, when it is null, until the participant
 * (or their coach) resumes them; {@code by} is "participant" or "coach:<name>".
 */
public record ParticipantPaused(ParticipantId participant, Instant until, String by) {
}
