package org.reconnect.consent;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

/** The append-only ledger: entries are inserted, never updated or deleted. */
interface ConsentLedger extends CrudRepository<ConsentEntry, String> {

	List<ConsentEntry> findByAllyIdOrderByAtAscIdAsc(String allyId);

	List<ConsentEntry> findByParticipantIdOrderByAtAscIdAsc(String participantId);
}
