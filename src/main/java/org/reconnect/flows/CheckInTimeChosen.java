package org.reconnect.flows;

import java.time.LocalTime;

import org.reconnect.participants.ParticipantId;

/** The participant chose the local time of their daily check-in (onboarding). */
public record CheckInTimeChosen(ParticipantId participant, LocalTime time) {
}
