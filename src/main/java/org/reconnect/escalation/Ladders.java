package org.reconnect.escalation;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.repository.CrudRepository;

/** Escalation ladders a coach set for one participant; everyone else has the default. */
interface Ladders extends CrudRepository<Ladders.Ladder, String> {

	@Document("ladders")
	record Ladder(@Id String participantId, List<Episode.Step> steps) {
	}
}
