package org.reconnect.escalation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something a coach must see: ids and facts, never the message text.
 *
 * @param participantId null when the sender is not an enrolled participant (nobody's caseload)
 * @param maskedPhone only for such a sender: their number masked as in the logs, so a supervisor can
 * tell notices apart (the whole number is never kept here)
 */
@Document("coach_notices")
record CoachNotice(@Id String id, String kind, String participantId, String messageKey, boolean resourcesDelivered,
		Instant at, Instant acknowledgedAt, String maskedPhone) {
}
