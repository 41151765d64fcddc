package org.reconnect.consent;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the append-only consent ledger: what changed, when, and the message that carried
 * it. Holds ids, never message text.
 */
@Document("consent_ledger")
record ConsentEntry(@Id String id, String allyId, String participantId, String change, String scope, Instant at,
		Instant until, String messageKey) {
}
