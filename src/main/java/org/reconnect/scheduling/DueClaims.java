package org.reconnect.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The one hand-off of due work across threads and nodes, for check-ins and reminders alike. Due
 * documents are read in rounds and claimed a batch at a time (a single item is a batch of one):
 * one bulk write of updates, each conditional on its document still being as read, marks the won
 * ones with the batch's token and records the work pending under that token, with the time its
 * lease runs from; a read-back of the token tells which were won (a bulk write says how many it
 * changed, not which). Only the winner hands over, so each item goes once. What a node stopped
 * after the claim leaves pending, the sweep of any node takes over after the lease by the same
 * token compare-and-set, and finishes. Outcomes are recorded with the pending mark cleared, only
 * while the mark is still the recorder's.
 */
@Component
class DueClaims {

	private static final Logger log = LoggerFactory.getLogger(DueClaims.class);

	/** Set by a claim to its batch's token: afterwards, which documents the batch won. */
	static final String CLAIM_TOKEN = "claimedBy";

	/** The work claimed and not yet handed over: a kind's own record with {@code token} and {@code claimedAt}. */
	static final String PENDING = "pending";

	private static final String PENDING_TOKEN = PENDING + ".token";

	private static final String PENDING_SINCE = PENDING + ".claimedAt";

	/**
	 * One kind of due work.
	 *
	 * @param name what it is called in logs and meters
	 * @param type its documents
	 * @param id a document's id
	 * @param pendingToken the token of a document's pending mark, as read
	 * @param takenOver moves a document's pending mark, in memory, to the token that took it over
	 * @param fields what a due or pending document is read with (none: all of it)
	 */
	record Kind<T>(String name, Class<T> type, Function<T, String> id, Function<T, String> pendingToken,
			TakenOver<T> takenOver, String... fields) {
	}

	interface TakenOver<T> {

		void moved(T item, String token, Instant at);
	}

	/**
	 * One item's claim: {@code update} applies while the document with {@code id} still matches
	 * {@code condition}; {@code pending}, when not null, is recorded by the same update.
	 */
	record Claim<C>(String id, Criteria condition, Update update, Object pending, C item) {
	}

	/** The claims for a batch read as due, made with its token; an item that cannot be worked on goes to {@code failed}. */
	interface Claims<T, C> {

		List<Claim<C>> of(List<T> batch, String token, Set<String> failed);
	}

	/** Hands over what a batch won, adding what stays due to {@code failed}; returns how many count. */
	interface HandOver<C> {

		int apply(List<C> won, Set<String> failed);
	}

	/** Finishes the pending work a take-over won; returns how many were finished. */
	interface Finish<T> {

		int apply(List<T> taken, Instant now);
	}

	/** An outcome to record, with its pending mark cleared. */
	record Settle<T>(T item, Update update) {
	}

	private final MongoTemplate mongo;
	private final HandOffs handOffs;
	private final SchedulingMeters meters;
	private final SchedulingSettings settings;
	private final Clock clock;

	DueClaims(MongoTemplate mongo, HandOffs handOffs, SchedulingMeters meters, SchedulingSettings settings, Clock clock) {
		this.mongo = mongo;
		this.handOffs = handOffs;
		this.meters = meters;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Claims and hands over, batch by batch on the hand-off threads, every document matching
	 * {@code due}, until none is left or {@code goOn} turns false; one that failed is not read again.
	 *
	 * @return what the hand-overs counted
	 */
	<T, C> int claimDue(Kind<T> kind, Criteria due, BooleanSupplier goOn, Claims<T, C> claims, HandOver<C> handOver) {
		Set<String> failed = ConcurrentHashMap.newKeySet();
		int done = 0;
		while (goOn.getAsBoolean()) {
			List<T> found = new ArrayList<>(read(kind, due, failed));
			if (found.isEmpty()) {
				break;
			}
			// Nodes firing together start at different places, so they seldom race for one document.
			Collections.shuffle(found);
			done += handOffs.each(batches(found),
					batch -> goOn.getAsBoolean() ? claimBatch(kind, batch, failed, claims, handOver) : 0);
		}
		return done;
	}

	/**
	 * Claims one batch in one bulk write and hands over what it won.
	 *
	 * @return what the hand-over counted
	 */
	<T, C> int claimBatch(Kind<T> kind, List<T> batch, Set<String> failed, Claims<T, C> claims, HandOver<C> handOver) {
		String token = UUID.randomUUID().toString();
		List<Claim<C>> made = claims.of(batch, token, failed);
		List<C> won = List.of();
		if (!made.isEmpty()) {
			BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, kind.type());
			for (Claim<C> claim : made) {
				Update update = claim.update().set(CLAIM_TOKEN, token);
				if (claim.pending() != null) {
					update.set(PENDING, claim.pending());
				}
				bulk.updateOne(new Query(Criteria.where("_id").is(claim.id())).addCriteria(claim.condition()), update);
			}
			execute(bulk, made.size(), kind.name() + " claims failed; those stay due");
			Set<String> mine = carrying(kind, made.stream().map(Claim::id).toList(), CLAIM_TOKEN, token);
			won = made.stream().filter(claim -> mine.contains(claim.id())).map(Claim::item).toList();
		}
		return handOver.apply(won, failed);
	}

	/**
	 * Takes over the work pending longer than the lease (its node stopped half way), each by a
	 * compare-and-set on the token it carries, so two nodes never both take one, and finishes it.
	 * What cannot be finished stays pending and is tried again after another lease.
	 *
	 * @return how many were finished
	 */
	<T> int recover(Kind<T> kind, BooleanSupplier goOn, Finish<T> finish) {
		Instant now = clock.instant();
		Criteria stale = Criteria.where(PENDING_SINCE).lt(now.minus(settings.handOffLease()));
		Set<String> tried = ConcurrentHashMap.newKeySet();
		int finished = 0;
		while (goOn.getAsBoolean()) {
			List<T> found = read(kind, stale, tried);
			if (found.isEmpty()) {
				break;
			}
			found.forEach(item -> tried.add(kind.id().apply(item)));
			finished += handOffs.each(batches(found), batch -> {
				List<T> taken = takeOver(kind, batch, now);
				if (taken.isEmpty()) {
					return 0;
				}
				int done = finish.apply(taken, now);
				meters.recovered(kind.name(), done);
				return done;
			});
		}
		if (finished > 0) {
			log.info("Finished {} {} hand-offs a stopped node left pending", finished, kind.name());
		}
		return finished;
	}

	/** Records outcomes in one command, each clearing its pending mark while the mark is still the item's as read. */
	<T> void settle(Kind<T> kind, List<Settle<T>> outcomes) {
		if (outcomes.isEmpty()) {
			return;
		}
		BulkOperations records = mongo.bulkOps(BulkMode.UNORDERED, kind.type());
		outcomes.forEach(outcome -> records.updateOne(mine(kind, outcome.item()), outcome.update().unset(PENDING)));
		records.execute();
	}

	/** Gives a claim back: {@code restore} applies, the pending mark cleared, while it is still ours and {@code unchanged} holds. */
	<T> void release(Kind<T> kind, T item, Criteria unchanged, Update restore) {
		mongo.updateFirst(mine(kind, item).addCriteria(unchanged), restore.unset(PENDING), kind.type());
	}

	/** Moves the batch's pending marks to a new token, each only while it carries the token read. */
	private <T> List<T> takeOver(Kind<T> kind, List<T> batch, Instant now) {
		String token = UUID.randomUUID().toString();
		BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, kind.type());
		batch.forEach(item -> bulk.updateOne(mine(kind, item),
				new Update().set(PENDING_TOKEN, token).set(PENDING_SINCE, now)));
		execute(bulk, batch.size(), "take-overs of pending " + kind.name() + " hand-offs failed; tried again later");
		Set<String> mine = carrying(kind, batch.stream().map(kind.id()).toList(), PENDING_TOKEN, token);
		List<T> taken = batch.stream().filter(item -> mine.contains(kind.id().apply(item))).toList();
		taken.forEach(item -> kind.takenOver().moved(item, token, now));
		return taken;
	}

	/** The document while its pending mark is still the one {@code item} was read or claimed with. */
	private static <T> Query mine(Kind<T> kind, T item) {
		return Query.query(Criteria.where("_id").is(kind.id().apply(item)).and(PENDING_TOKEN).is(kind.pendingToken().apply(item)));
	}

	private <T> List<T> read(Kind<T> kind, Criteria matching, Collection<String> skipped) {
		Query query = Query.query(matching).addCriteria(Criteria.where("_id").nin(skipped))
			.limit(Math.max(1, settings.handOffBatch()) * Math.max(1, settings.handOffThreads()));
		if (kind.fields().length > 0) {
			query.fields().include(kind.fields());
		}
		return mongo.find(query, kind.type());
	}

	private <T> List<List<T>> batches(List<T> found) {
		int batchSize = Math.max(1, settings.handOffBatch());
		List<List<T>> batches = new ArrayList<>();
		for (int from = 0; from < found.size(); from += batchSize) {
			batches.add(found.subList(from, Math.min(found.size(), from + batchSize)));
		}
		return batches;
	}

	/** Which of {@code ids} carry {@code token} in {@code field} now. */
	private <T> Set<String> carrying(Kind<T> kind, List<String> ids, String field, String token) {
		Query query = Query.query(Criteria.where("_id").in(ids).and(field).is(token));
		query.fields().include("_id");
		Set<String> carrying = new HashSet<>();
		mongo.find(query, kind.type()).forEach(item -> carrying.add(kind.id().apply(item)));
		return carrying;
	}

	private static void execute(BulkOperations bulk, int size, String failure) {
		try {
			bulk.execute();
		}
		catch (BulkOperationException ex) {
			// The updates that failed left their documents as they were; the others applied.
			log.error("{} of {} {}", ex.getErrors().size(), size, failure, ex);
		}
	}
}
