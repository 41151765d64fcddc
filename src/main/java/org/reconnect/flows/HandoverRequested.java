package org.reconnect.flows;

import org.reconnect.participants.ParticipantId;

/**
 * A participant needs a person: the flow handed over, or they asked for one. Carries a short
 * reason written by the flow, never what the participant wrote.
 *
 * @param conversation the conversation that handed over, or null when they asked outside one
 */
public record HandoverRequested(ParticipantId participant, String conversation, String reason) {
}
