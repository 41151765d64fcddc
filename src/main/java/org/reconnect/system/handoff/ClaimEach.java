package org.reconnect.system.handoff;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Claims due documents one at a time, each by one atomic update that makes it no longer due, so
 * that several nodes sweeping at once act on each exactly once. The due documents' ids are read a
 * round at a time, and each is claimed by its id with the due condition repeated: one search per
 * round instead of one per document, which on a store that searches by scanning (the embedded one)
 * turned a sweep of a day's expiries from quadratic into linear in the number of conversations.
 */
public final class ClaimEach {

	private static final int ROUND = 500;

	private ClaimEach() {
	}

	/**
	 * Claims every document of {@code type} matching {@code due} with {@code claim} (made afresh for each, and
	 * which must make it stop matching), and gives each claimed one, as it is after the claim, to
	 * {@code work}, until nothing is due or {@code limit} were claimed.
	 *
	 * @param work what to do with a claimed document; false stops the sweep after it
	 * @return how many were claimed
	 */
	public static <T> int claimEach(MongoOperations mongo, Class<T> type, Criteria due, Supplier<Update> claim, int limit,
			Predicate<T> work) {
		String collection = mongo.getCollectionName(type);
		Document condition = due.getCriteriaObject();
		int claimed = 0;
		while (claimed < limit) {
			Query round = new BasicQuery(condition).limit(Math.min(ROUND, limit - claimed));
			round.fields().include("_id");
			List<Object> ids = mongo.find(round, Document.class, collection).stream().map(d -> d.get("_id")).toList();
			if (ids.isEmpty()) {
				return claimed;
			}
			for (Object id : ids) {
				Document byId = new Document(condition).append("_id", id);
				T won = mongo.findAndModify(new BasicQuery(byId), claim.get(), FindAndModifyOptions.options().returnNew(true), type,
						collection);
				if (won != null) {
					claimed++;
					if (!work.test(won) || claimed >= limit) {
						return claimed;
					}
				}
			}
		}
		return claimed;
	}
}
