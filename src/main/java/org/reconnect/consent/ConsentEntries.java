package org.reconnect.consent;

import java.time.Instant;
import java.util.List;

import org.reconnect.participants.ParticipantId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The append-only ledger as the consent code reads and writes it: an ally's consent derived from
 * their entries, and one entry added with its {@link ConsentChanged} event.
 */
@Component
class ConsentEntries {

	private final ConsentLedger ledger;
	private final ApplicationEventPublisher events;

	ConsentEntries(ConsentLedger ledger, ApplicationEventPublisher events) {
		this.ledger = ledger;
		this.events = events;
	}

	ConsentState state(Ally ally) {
		return ConsentState.of(ledger.findByAllyIdOrderByAtAscIdAsc(ally.id));
	}

	void append(Ally ally, ConsentChange change, List<AlertKind> kinds, String why, String by, Instant at, Instant from,
			Instant until, String messageKey) {
		ConsentEntry entry = ledger.save(new ConsentEntry(null, ally.id, ally.participantId, change, kinds, why, by, at,
				from, until, messageKey));
		events.publishEvent(new ConsentChanged(entry.id(), ally.id, new ParticipantId(ally.participantId), change, kinds,
				why, by, at, messageKey));
	}
}
