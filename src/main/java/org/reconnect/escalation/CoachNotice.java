package org.reconnect.escalation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Something a coach must see: ids and facts, never the message text. */
@Document("coach_notices")
record CoachNotice(@Id String id, String kind, String participantId, String messageKey, boolean resourcesDelivered,
		Instant at, Instant acknowledgedAt) {
}
