package org.reconnect.escalation;

import java.time.Instant;
import java.util.List;

import org.reconnect.participants.ParticipantId;

/**
 * A participant's responsiveness as the coach sees it, with the open escalation episode if any.
 *
 * @param acknowledgedBy who acknowledged the open episode ("coach:x", "ally:id"), null if nobody
 */
public record ResponsivenessView(ParticipantId participant, Responsiveness state, Instant lastSignOfLife,
		int missedInARow, Instant lateSince, String openEpisode, Integer acknowledgedStep, String acknowledgedBy,
		Instant acknowledgedAt, List<LadderStep> ladder) {
}
