package org.reconnect.consent;

import java.time.Instant;
import java.util.List;

/** A consent ledger line as the coach and a data export show it. */
public record ConsentRecord(String id, String allyId, ConsentChange change, List<AlertKind> kinds, String why, String by,
		Instant at, Instant from, Instant until, String messageKey) {

	static ConsentRecord of(ConsentEntry entry) {
		return new ConsentRecord(entry.id(), entry.allyId(), entry.change(), entry.kinds(), entry.why(), entry.by(),
				entry.at(), entry.from(), entry.until(), entry.messageKey());
	}
}
