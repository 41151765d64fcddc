package org.reconnect.flows;

import org.reconnect.participants.ParticipantId;

/** The participant replied to a check-in. Carries no answer: only that they replied. */
public record CheckInAnswered(ParticipantId participant, String conversation) {
}
