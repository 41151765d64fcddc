package org.reconnect.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;

/**
 * The outbox: message records in MongoDB, claimed one at a time by an atomic findAndModify that
 * sets a lease, so dispatchers on several nodes never send the same entry at once and a node that
 * dies mid-way leaves its entries to the others when the lease runs out. Single-document updates
 * only: the embedded server has no transactions.
 */
class Outbox {

	private final MongoTemplate mongo;
	private final String collection;

	Outbox(MongoTemplate mongo, String collection) {
		this.mongo = mongo;
		this.collection = collection;
	}

	MessageRecord insert(MessageRecord record) {
		return mongo.insert(record, collection);
	}

	/** Writes a batch of records in one command; each gets its id. */
	List<MessageRecord> insertAll(List<MessageRecord> records) {
		return List.copyOf(mongo.insert(records, collection));
	}

	/** The references among {@code references} that some record carries. */
	List<String> withReferences(Collection<String> references) {
		Query query = Query.query(Criteria.where("reference").in(references));
		query.fields().include("reference");
		return mongo.find(query, MessageRecord.class, collection).stream().map(record -> record.reference).toList();
	}

	/**
	 * The records that carry one of the references: status, when sent and whose lease, only. Asked
	 * only of references whose fate nobody heard of (a sweep's rare case), so the field has no index.
	 */
	List<MessageRecord> byReferences(Collection<String> references) {
		Query query = Query.query(Criteria.where("reference").in(references));
		query.fields().include("reference").include("status").include("sentAt").include("leaseUntil");
		return mongo.find(query, MessageRecord.class, collection);
	}

	/** Ids of entries free to claim, replies and alerts first, then bulk in due-time order. */
	List<String> due(Instant now, int limit) {
		return dueRecords(now, limit).stream().map(record -> record.id).toList();
	}

	private List<MessageRecord> dueRecords(Instant now, int limit) {
		Query query = claimable(now).with(Sort.by("priority", "nextAttemptAt", "_id")).limit(limit);
		query.fields().include("_id").include("leaseOwner").include("leaseUntil");
		return mongo.find(query, MessageRecord.class, collection);
	}

	/**
	 * Marks entries whose lease ran out while still held (their dispatcher stopped or stalled): it
	 * may have handed one to the channel without living to note so, so whoever takes it over asks the
	 * channel first ({@link MessageRecord#inDoubtSince}). Each mark holds only while the old claim
	 * does, so it never touches an entry another dispatcher took meanwhile.
	 */
	private void markInDoubt(List<MessageRecord> orphans, Duration lease) {
		for (MessageRecord orphan : orphans) {
			Query stillTheirs = Query.query(Criteria.where("_id").is(orphan.id).and("leaseOwner").is(orphan.leaseOwner)
				.and("status").is(MessageRecord.Status.QUEUED));
			mongo.updateFirst(stillTheirs, new Update().set("inDoubtSince", orphan.leaseUntil.minus(lease)),
					MessageRecord.class, collection);
		}
	}

	/**
	 * Takes one entry for {@code lease}, if it is still queued, due and free. An entry whose earlier
	 * claim ran out is left to {@link #claimDue}, which marks it in doubt first.
	 */
	Optional<MessageRecord> claim(String id, String owner, Instant now, Duration lease) {
		Query query = claimable(now).addCriteria(Criteria.where("_id").is(id).and("leaseOwner").is(null));
		Update update = new Update().set("leaseOwner", owner + ":" + UUID.randomUUID()).set("leaseUntil", now.plus(lease));
		return Optional.ofNullable(mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
				MessageRecord.class, collection));
	}

	/**
	 * Takes up to {@code limit} due entries for {@code lease} in one update: each entry's claim is
	 * atomic on its own (the filter is checked per document), so two dispatchers never both win
	 * one. One write per batch instead of one per message.
	 *
	 * @return null when nothing is due; else what this call won, most urgent first (possibly none,
	 * when another dispatcher was quicker)
	 */
	List<MessageRecord> claimDue(String owner, Instant now, int limit, Duration lease) {
		List<MessageRecord> due = dueRecords(now, limit);
		if (due.isEmpty()) {
			return null;
		}
		markInDoubt(due.stream().filter(record -> record.leaseOwner != null).toList(), lease);
		List<String> ids = due.stream().map(record -> record.id).toList();
		String token = owner + ":" + UUID.randomUUID();
		Query query = claimable(now).addCriteria(Criteria.where("_id").in(ids));
		mongo.updateMulti(query, new Update().set("leaseOwner", token).set("leaseUntil", now.plus(lease)),
				MessageRecord.class, collection);
		return mongo.find(Query.query(Criteria.where("leaseOwner").is(token))
			.with(Sort.by("priority", "nextAttemptAt", "_id")), MessageRecord.class, collection);
	}

	/**
	 * {@link #finish} for a batch, in one command: each update applies only while its claim holds.
	 *
	 * @return how many claims still held
	 */
	int finishAll(List<MessageRecord> records, List<Update> updates) {
		if (records.isEmpty()) {
			return 0;
		}
		// Written with the driver's own bulk write: Spring's update mapping resolved every field of
		// every one of these updates against the entity again, a quarter of a hand-off thread's time.
		List<UpdateOneModel<Document>> models = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			MessageRecord record = records.get(i);
			Document mine = new Document("_id", storedId(record.id)).append("leaseOwner", record.leaseOwner)
				.append("status", MessageRecord.Status.QUEUED.name());
			Update update = updates.get(i).set("leaseOwner", null).set("leaseUntil", MessageRecord.NEVER);
			models.add(new UpdateOneModel<>(mine, stored(update.getUpdateObject())));
		}
		return mongo.getCollection(collection).bulkWrite(models, new BulkWriteOptions().ordered(false)).getMatchedCount();
	}

	/** An id as Spring stores a String id: an ObjectId when it is one in hex. */
	private static Object storedId(String id) {
		return ObjectId.isValid(id) ? new ObjectId(id) : id;
	}

	/** An update's values as the store keeps them (enums as names, instants as dates), fields named as in the entity. */
	private Document stored(Document update) {
		Document stored = new Document();
		update.forEach((operator, fields) -> {
			Document values = new Document();
			((Document) fields).forEach((field, value) -> values.put(field,
					value == null ? null : mongo.getConverter().convertToMongoType(value)));
			stored.put(operator, values);
		});
		return stored;
	}

	/** Gives a claimed entry back untouched, for the next round. */
	void release(MessageRecord record) {
		finish(record, new Update());
	}

	/**
	 * Records the outcome of a claim and frees the lease; false when the lease was lost meanwhile
	 * (another dispatcher took the entry over).
	 */
	boolean finish(MessageRecord record, Update update) {
		Query mine = Query.query(Criteria.where("_id").is(record.id).and("leaseOwner").is(record.leaseOwner)
			.and("status").is(MessageRecord.Status.QUEUED));
		update.set("leaseOwner", null).set("leaseUntil", MessageRecord.NEVER);
		return mongo.updateFirst(mine, update, MessageRecord.class, collection).getMatchedCount() == 1;
	}

	/** Notes something about an entry outside any claim, e.g. the SMS fallback that replaced it. */
	void note(String id, Update update) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, MessageRecord.class, collection);
	}

	Optional<MessageRecord> find(String id) {
		return Optional.ofNullable(mongo.findById(id, MessageRecord.class, collection));
	}

	/**
	 * Scheduled messages accepted for {@code to} in [from, until): what the daily cap counts. A
	 * WhatsApp message replaced by its SMS fallback counts once, as the fallback.
	 */
	long scheduledSent(String to, List<Purpose> scheduled, Instant from, Instant until) {
		Query query = Query.query(Criteria.where("to").is(to).and("purpose").in(scheduled)
			.and("status").is(MessageRecord.Status.SENT).and("sentAt").gte(from).lt(until).and("fallbackId").is(null));
		return mongo.count(query, MessageRecord.class, collection);
	}

	/**
	 * {@link #scheduledSent} for several numbers at once: the counted messages themselves (number
	 * and time sent only), so each number's count over its own local day can be made from them.
	 */
	List<MessageRecord> scheduledSentTo(Collection<String> to, List<Purpose> scheduled, Instant from, Instant until) {
		Query query = Query.query(Criteria.where("to").in(to).and("purpose").in(scheduled)
			.and("status").is(MessageRecord.Status.SENT).and("sentAt").gte(from).lt(until).and("fallbackId").is(null));
		query.fields().include("to").include("sentAt");
		return mongo.find(query, MessageRecord.class, collection);
	}

	/**
	 * Erases the text of every message that speaks of a participant (alerts to their allies,
	 * notices to their coach): one still waiting to go is dropped first, so nothing about them goes
	 * out after their erasure. The record stays, without its text, for the recipient's own history.
	 * Safe to repeat.
	 *
	 * @return how many records it changed
	 */
	long eraseAbout(String participantId, Instant now) {
		Query waiting = Query.query(Criteria.where("about").is(participantId).and("status").is(MessageRecord.Status.QUEUED));
		mongo.updateMulti(waiting, new Update().set("status", MessageRecord.Status.DROPPED).set("error", "erased"),
				MessageRecord.class, collection);
		Query about = Query.query(Criteria.where("about").is(participantId).and("body").exists(true));
		return mongo.updateMulti(about, new Update().unset("body").set("updatedAt", now), MessageRecord.class, collection)
			.getModifiedCount();
	}

	/** Whether an entry other than {@code id} already holds this channel id (providerId is indexed). */
	boolean heldByAnother(String providerId, String id) {
		return mongo.exists(Query.query(Criteria.where("providerId").is(providerId).and("_id").ne(storedId(id))),
				MessageRecord.class, collection);
	}

	/** Notes a reported status, then moves the delivery status forward if it is ahead. */
	Optional<MessageRecord> report(String providerId, String status, int rank, Instant now) {
		Query byProvider = Query.query(Criteria.where("providerId").is(providerId));
		if (mongo.updateFirst(byProvider, new Update().addToSet("reportedStatuses", status), MessageRecord.class,
				collection).getMatchedCount() == 0) {
			return Optional.empty();
		}
		Query behind = Query.query(Criteria.where("providerId").is(providerId).and("deliveryRank").lt(rank));
		Update forward = new Update().set("deliveryStatus", status).set("deliveryRank", rank).set("updatedAt", now);
		return Optional.ofNullable(mongo.findAndModify(behind, forward, FindAndModifyOptions.options().returnNew(true),
				MessageRecord.class, collection));
	}

	/** The entries that wait to go at {@code now}; see {@link Backlog}. */
	Backlog backlog(Instant now) {
		Criteria dueNow = Criteria.where("status").is(MessageRecord.Status.QUEUED).and("nextAttemptAt").lte(now);
		long due = mongo.count(Query.query(dueNow), MessageRecord.class, collection);
		Query oldest = Query.query(dueNow).with(Sort.by("nextAttemptAt")).limit(1);
		oldest.fields().include("nextAttemptAt");
		MessageRecord first = due == 0 ? null : mongo.findOne(oldest, MessageRecord.class, collection);
		long retrying = mongo.count(Query.query(Criteria.where("status").is(MessageRecord.Status.QUEUED)
			.and("nextAttemptAt").gt(now).and("attempts").gt(0)), MessageRecord.class, collection);
		Duration age = first == null || first.nextAttemptAt.isAfter(now) ? Duration.ZERO
				: Duration.between(first.nextAttemptAt, now);
		return new Backlog(due, retrying, age);
	}

	private static Query claimable(Instant now) {
		return Query.query(Criteria.where("status").is(MessageRecord.Status.QUEUED).and("nextAttemptAt").lte(now)
			.and("leaseUntil").lte(now));
	}
}
