package org.reconnect.participants;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An erasure under way: written before anything is erased and deleted once everything is, so one
 * that a stopped node left half done is found and finished by the next sweep (every step is safe
 * to repeat). It keeps the number until then, since records kept by number must go too.
 */
@Document("erasures")
record PendingErasure(@Id String participantId, String phone, Instant startedAt) {
}
