package org.reconnect.consent;

import java.time.Instant;

import org.reconnect.participants.ParticipantId;

/** An ally as a coach sees them, with their consent state. */
public record AllyView(String id, ParticipantId participant, String name, String phone, String consent,
		Instant requestedAt, Instant consentUntil) {
}
