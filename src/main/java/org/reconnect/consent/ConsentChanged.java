package org.reconnect.consent;

import java.time.Instant;
import java.util.List;

import org.reconnect.participants.ParticipantId;

/** A line was added to the consent ledger; ids and facts only, for the audit log. */
public record ConsentChanged(String entryId, String allyId, ParticipantId participant, ConsentChange change,
		List<AlertKind> kinds, String why, String by, Instant at, String messageKey) {
}
