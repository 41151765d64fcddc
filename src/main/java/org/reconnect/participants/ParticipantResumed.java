package org.reconnect.participants;

/**
 * A pause ended: asked for ({@code by} the participant or a coach) or because its time was up
 * ({@code by} "schedule").
 */
public record ParticipantResumed(ParticipantId participant, String by) {
}
