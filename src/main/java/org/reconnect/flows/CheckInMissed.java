package org.reconnect.flows;

import java.time.Instant;

import org.reconnect.participants.ParticipantId;

/** A check-in that was delivered got no reply before its deadline. */
public record CheckInMissed(ParticipantId participant, String conversation, Instant sentAt) {
}
