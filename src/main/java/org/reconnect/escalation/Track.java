package org.reconnect.escalation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What was expected of a participant and what they did: changed only by single atomic updates
 * (a missed check-in counts up, a sign of life resets), so concurrent events never lose one.
 */
@Document("responsiveness")
class Track {

	@Id
	String participantId;

	Instant lastSignOfLife;

	Instant lastMissedAt;

	int missedInARow;

	/** When the first missed check-in since the last sign of life expired. */
	Instant lateSince;

	/** The episode of this run of silence, while it is open. */
	String openEpisode;
}
