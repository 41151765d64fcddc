package org.reconnect.flows;

import org.reconnect.participants.ParticipantId;

/**
 * The participant said they connected with someone today (the daily check-in's {@code emit:
 * ReachedOut}). Carries no answer: only that they did.
 */
public record ReachedOut(ParticipantId participant, String conversation) {
}
