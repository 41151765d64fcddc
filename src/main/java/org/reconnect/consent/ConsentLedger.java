package org.reconnect.consent;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface ConsentLedger extends CrudRepository<ConsentEntry, String> {

	List<ConsentEntry> findByAllyIdOrderByAtAsc(String allyId);
}
