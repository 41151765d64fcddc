package org.reconnect.participants;

/** A coach enrolled a participant; their check-in schedule follows from it. */
public record ParticipantEnrolled(ParticipantId participant) {
}
