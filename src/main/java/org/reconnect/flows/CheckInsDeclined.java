package org.reconnect.flows;

import org.reconnect.participants.ParticipantId;

/** The participant said no to daily check-ins (onboarding): they stop until the participant asks again. */
public record CheckInsDeclined(ParticipantId participant, String conversationId) {
}
