package org.reconnect.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.types.ObjectId;
import org.reconnect.system.handoff.DueClaims;
import org.reconnect.system.handoff.Mark;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The outbox: message records in MongoDB, claimed in batches (one entry: a batch of one) through
 * the one hand-off ({@link DueClaims}) with a lease, so dispatchers on several nodes never send the
 * same entry at once and a node that dies mid-way leaves its entries to the others when the lease
 * runs out. Single-document updates only: the embedded server has no transactions.
 */
class Outbox {

	/** The dispatcher's claim order: replies and alerts first, then bulk in due-time order. */
	private static final Sort URGENT_FIRST = Sort.by("priority", "nextAttemptAt", "_id");

	private final MongoTemplate mongo;
	private final String collection;
	private final DueClaims claims;
	/** Entries as the hand-off claims them: leased, while still queued. */
	private final DueClaims.Kind<MessageRecord> kind;

	Outbox(MongoTemplate mongo, String collection) {
		this.mongo = mongo;
		this.collection = collection;
		this.claims = new DueClaims(mongo);
		this.kind = new DueClaims.Kind<>("message", MessageRecord.class, collection, record -> record.id,
				new Mark.Lease<>("leaseOwner", "leaseUntil", MessageRecord.NEVER, "status",
						MessageRecord.Status.QUEUED, record -> record.leaseOwner));
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
		Query query = Query.query(claimable(now)).with(URGENT_FIRST).limit(limit);
		query.fields().include("_id").include("leaseOwner").include("leaseUntil");
		return mongo.find(query, MessageRecord.class, collection);
	}

	/**
	 * Takes one entry for {@code lease}, if it is still queued, due and free: a batch of one. An
	 * entry whose earlier claim ran out is left to {@link #claimDue}, which marks it in doubt.
	 */
	Optional<MessageRecord> claim(String id, String owner, Instant now, Duration lease) {
		MessageRecord free = new MessageRecord();
		free.id = id;
		return claims.claim(kind, List.of(lease(free, now, lease)), owner + ":" + UUID.randomUUID(), URGENT_FIRST)
			.stream()
			.findFirst();
	}

	/**
	 * Takes up to {@code limit} due entries for {@code lease} in one write: each entry's claim is
	 * atomic on its own (a compare-and-set on the holder read), so two dispatchers never both win
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
		List<DueClaims.Claim<MessageRecord>> made = due.stream().map(record -> lease(record, now, lease)).toList();
		return claims.claim(kind, made, owner + ":" + UUID.randomUUID(), URGENT_FIRST);
	}

	/**
	 * Leases an entry while it is still claimable and held by whom it was read with. One whose
	 * lease ran out while still held (its dispatcher stopped or stalled) may have been handed to the
	 * channel by it without living to note so: the same write marks it in doubt, so whoever takes
	 * it asks the channel first ({@link MessageRecord#inDoubtSince}).
	 */
	private static DueClaims.Claim<MessageRecord> lease(MessageRecord read, Instant now, Duration lease) {
		Update update = new Update().set("leaseUntil", now.plus(lease));
		if (read.leaseOwner != null) {
			update.set("inDoubtSince", read.leaseUntil.minus(lease));
		}
		return new DueClaims.Claim<>(read.id, claimable(now).and("leaseOwner").is(read.leaseOwner), update, null, read);
	}

	/**
	 * {@link #finish} for a batch, in one command: each update applies only while its claim holds.
	 *
	 * @return how many claims still held
	 */
	int finishAll(List<MessageRecord> records, List<Update> updates) {
		List<DueClaims.Settle<MessageRecord>> outcomes = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			outcomes.add(new DueClaims.Settle<>(records.get(i), updates.get(i)));
		}
		return claims.settlePlain(kind, outcomes);
	}

	/** An id as Spring stores a String id: an ObjectId when it is one in hex. */
	private static Object storedId(String id) {
		return ObjectId.isValid(id) ? new ObjectId(id) : id;
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
		return claims.settle(kind, List.of(new DueClaims.Settle<>(record, update))) == 1;
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

	private static Criteria claimable(Instant now) {
		return Criteria.where("status").is(MessageRecord.Status.QUEUED).and("nextAttemptAt").lte(now)
			.and("leaseUntil").lte(now);
	}
}
