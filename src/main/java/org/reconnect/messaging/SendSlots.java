package org.reconnect.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The sends each sender may make in one second, counted in the store, so every node's dispatcher
 * takes from the same allowance. One document per sender and second of the minute (a ring of 60,
 * so the collection stays small): a send takes a slot with one atomic update, or takes over the
 * document of an earlier second, or creates it; when none of those succeeds the second is full.
 * A race the slot loses means one send fewer this second, never one more.
 */
class SendSlots {

	private static final Logger log = LoggerFactory.getLogger(SendSlots.class);
	static final String COLLECTION = "send_slots";

	private final MongoTemplate mongo;

	SendSlots(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** @return whether {@code sender} may send once more in {@code second} (epoch seconds) */
	boolean take(String sender, long second, int perSecond) {
		String id = sender + "#" + Math.floorMod(second, 60);
		try {
			if (mongo.updateFirst(query(where("_id").is(id).and("second").is(second).and("count").lt(perSecond)),
					new Update().inc("count", 1), COLLECTION).getModifiedCount() == 1) {
				return true;
			}
			if (mongo.updateFirst(query(where("_id").is(id).and("second").lt(second)),
					new Update().set("second", second).set("count", 1), COLLECTION).getModifiedCount() == 1) {
				return true;
			}
			mongo.insert(new Document("_id", id).append("second", second).append("count", 1), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException full) {
			return false;
		}
		catch (DataAccessException unreachable) {
			// The message stays in the outbox for a later round, as when the second is full.
			log.warn("Pacing could not reach the store; sending waits: {}", unreachable.getClass().getSimpleName());
			return false;
		}
	}
}
