package org.reconnect.consent;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the append-only consent ledger: who ({@code allyId}) may be told what
 * ({@code kinds}), why, by whose act ({@code by}), from when until when, and the message that
 * carried it ({@code messageKey}). Holds ids, never names, numbers or message text; it is never
 * updated, and it outlives an erased participant, but for the one free text it holds, the words
 * given for naming the ally ({@code why} of REQUESTED), replaced by a fixed reason at erasure.
 *
 * @param change what the line records, stored by name
 * @param until for REQUESTED the answer deadline; for GRANTED and RENEWED the consent's end
 */
@Document("consent_ledger")
record ConsentEntry(@Id String id, @Indexed String allyId, @Indexed String participantId, ConsentChange change,
		List<AlertKind> kinds, String why, String by, Instant at, Instant from, Instant until, String messageKey) {
}
