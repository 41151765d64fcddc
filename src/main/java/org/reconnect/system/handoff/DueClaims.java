package org.reconnect.system.handoff;

import java.time.Clock;
import java.time.Duration;
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
import java.util.function.ObjIntConsumer;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;

/**
 * The one hand-off of due work across threads and nodes, for check-ins, reminders and the outbox
 * alike. Due documents are read in rounds and claimed a batch at a time (a single item is a batch
 * of one): one bulk write of updates, each conditional on its document still being as read, marks
 * the won ones with the batch's token (see {@link Mark}); a read-back of the token tells which
 * were won (a bulk write says how many it changed, not which). Only the winner hands over, so each
 * item goes once. What a node stopped after the claim leaves marked is taken over after the lease
 * by a compare-and-set on the token it carries, and finished. Outcomes are recorded with the mark
 * cleared, only while the mark is still the recorder's.
 */
public class DueClaims implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DueClaims.class);

	/**
	 * One kind of due work.
	 *
	 * @param name what it is called in logs and meters
	 * @param type its documents
	 * @param collection where they are kept; null: the type's own collection
	 * @param id a document's id
	 * @param mark how a claim marks a document as taken
	 * @param fields what a due or pending document is read with (none: all of it)
	 */
	public record Kind<T>(String name, Class<T> type, String collection, Function<T, String> id, Mark<T> mark,
			String... fields) {

		public Kind(String name, Class<T> type, Function<T, String> id, Mark<T> mark, String... fields) {
			this(name, type, null, id, mark, fields);
		}
	}

	/**
	 * One item's claim: {@code update} applies while the document with {@code id} still matches
	 * {@code condition}; {@code pending}, when not null, is recorded by the same update (a
	 * {@link Mark.Pending} mark's record).
	 */
	public record Claim<C>(String id, Criteria condition, Update update, Object pending, C item) {
	}

	/** The claims for a batch read as due, made with its token; an item that cannot be worked on goes to {@code failed}. */
	public interface Claims<T, C> {

		List<Claim<C>> of(List<T> batch, String token, Set<String> failed);
	}

	/** What becomes of one item read as due: its decision, or null when there is nothing to claim. */
	public interface Decide<T, C> {

		C of(T item);
	}

	/** The claim one item's decision makes (marking the item pending first when the decision hands work off). */
	public interface ClaimOf<T, C> {

		Claim<C> of(T item, C decision);
	}

	/** Hands over what a batch won, adding what stays due to {@code failed}; returns how many count. */
	public interface HandOver<C> {

		int apply(List<C> won, Set<String> failed);
	}

	/** Finishes the pending work a take-over won; returns how many were finished. */
	public interface Finish<T> {

		int apply(List<T> taken, Instant now);
	}

	/** An outcome to record, with its mark cleared. */
	public record Settle<T>(T item, Update update) {
	}

	private final MongoTemplate mongo;
	private final HandOffs handOffs;
	private final HandOffSettings settings;
	private final ObjIntConsumer<String> recovered;
	private final Clock clock;

	/**
	 * @param recovered told how many of a kind a sweep finished for a stopped node (a meter)
	 */
	public DueClaims(MongoTemplate mongo, HandOffSettings settings, ObjIntConsumer<String> recovered, Clock clock) {
		this.mongo = mongo;
		this.handOffs = new HandOffs(settings.threads());
		this.settings = settings;
		this.recovered = recovered;
		this.clock = clock;
	}

	/** Claims and outcomes only, in the caller's thread, for a caller that reads its due work itself (the outbox). */
	public DueClaims(MongoTemplate mongo) {
		this(mongo, HandOffSettings.IN_CALLERS_THREAD, (kind, count) -> {
		}, Clock.systemUTC());
	}

	/**
	 * Claims and hands over, batch by batch on the hand-off threads, every document matching
	 * {@code due}, until none is left or {@code goOn} turns false; one that failed is not read again.
	 *
	 * @return what the hand-overs counted
	 */
	public <T, C> int claimDue(Kind<T> kind, Criteria due, BooleanSupplier goOn, Claims<T, C> claims,
			HandOver<C> handOver) {
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
	public <T, C> int claimBatch(Kind<T> kind, List<T> batch, Set<String> failed, Claims<T, C> claims,
			HandOver<C> handOver) {
		String token = UUID.randomUUID().toString();
		List<Claim<C>> made = claims.of(batch, token, failed);
		List<C> won = List.of();
		if (!made.isEmpty()) {
			write(kind, made, token);
			Set<String> mine = new HashSet<>();
			carrying(kind, made.stream().map(Claim::id).toList(), kind.mark().claimField(), token, Sort.unsorted(), "_id")
				.forEach(item -> mine.add(kind.id().apply(item)));
			won = made.stream().filter(claim -> mine.contains(claim.id())).map(Claim::item).toList();
		}
		return handOver.apply(won, failed);
	}

	/**
	 * The claims of a batch, decided item by item: an item whose decision fails is logged (by its id
	 * only), goes to {@code failed} and stays due for the next fire, and the others are claimed.
	 */
	public static <T, C> List<Claim<C>> decideEach(Kind<T> kind, List<T> batch, Set<String> failed, Decide<T, C> decide,
			ClaimOf<T, C> claim) {
		List<Claim<C>> made = new ArrayList<>();
		for (T item : batch) {
			try {
				C decision = decide.of(item);
				if (decision != null) {
					made.add(claim.of(item, decision));
				}
			}
			catch (RuntimeException ex) {
				String id = kind.id().apply(item);
				failed.add(id);
				log.error("{} {} could not be handled; it stays due for the next fire", kind.name(), id, ex);
			}
		}
		return made;
	}

	/**
	 * Claims a batch the caller read and ordered itself, in one bulk write under {@code token}.
	 *
	 * @return the documents won, read back whole in {@code order}
	 */
	public <T> List<T> claim(Kind<T> kind, List<Claim<T>> claims, String token, Sort order) {
		if (claims.isEmpty()) {
			return List.of();
		}
		write(kind, claims, token);
		return carrying(kind, claims.stream().map(Claim::id).toList(), kind.mark().claimField(), token, order);
	}

	/**
	 * Takes over the work pending longer than the lease (its node stopped half way), each by a
	 * compare-and-set on the token it carries, so two nodes never both take one, and finishes it.
	 * What cannot be finished stays pending and is tried again after another lease. For kinds with
	 * a {@link Mark.Pending} mark.
	 *
	 * @return how many were finished
	 */
	public <T> int recover(Kind<T> kind, BooleanSupplier goOn, Finish<T> finish) {
		if (!(kind.mark() instanceof Mark.Pending<T> pending)) {
			throw new IllegalArgumentException(kind.name() + " records no pending work to take over");
		}
		Instant now = clock.instant();
		Criteria stale = Criteria.where(Mark.Pending.PENDING_SINCE).lt(now.minus(settings.lease()));
		Set<String> tried = ConcurrentHashMap.newKeySet();
		int finished = 0;
		while (goOn.getAsBoolean()) {
			List<T> found = read(kind, stale, tried);
			if (found.isEmpty()) {
				break;
			}
			found.forEach(item -> tried.add(kind.id().apply(item)));
			finished += handOffs.each(batches(found), batch -> {
				List<T> taken = takeOver(kind, pending, batch, now);
				if (taken.isEmpty()) {
					return 0;
				}
				int done = finish.apply(taken, now);
				recovered.accept(kind.name(), done);
				return done;
			});
		}
		if (finished > 0) {
			log.info("Finished {} {} hand-offs a stopped node left pending", finished, kind.name());
		}
		return finished;
	}

	/**
	 * Records outcomes in one command, each clearing its mark while the mark is still the item's as read.
	 *
	 * @return how many marks still held (the others' outcomes were not written)
	 */
	public <T> int settle(Kind<T> kind, List<Settle<T>> outcomes) {
		if (outcomes.isEmpty()) {
			return 0;
		}
		BulkOperations records = bulk(kind);
		outcomes.forEach(outcome -> records.updateOne(held(kind, outcome.item()),
				kind.mark().cleared(outcome.update())));
		return records.execute().getMatchedCount();
	}

	/**
	 * {@link #settle} for outcomes that only set, unset or add plain values to fields named as they
	 * are stored: written with the driver's own bulk write. Spring's update mapping resolved every
	 * field of every update against the entity again, a quarter of an outbox thread's time.
	 */
	public <T> int settlePlain(Kind<T> kind, List<Settle<T>> outcomes) {
		if (outcomes.isEmpty()) {
			return 0;
		}
		List<UpdateOneModel<Document>> models = new ArrayList<>(outcomes.size());
		for (Settle<T> outcome : outcomes) {
			Document held = new Document("_id", storedId(kind.id().apply(outcome.item())));
			kind.mark().held(outcome.item()).getCriteriaObject().forEach((field, value) -> held.put(field, stored(value)));
			Document update = new Document();
			kind.mark().cleared(outcome.update()).getUpdateObject().forEach((operator, fields) -> {
				Document values = new Document();
				((Document) fields).forEach((field, value) -> values.put(field, stored(value)));
				update.put(operator, values);
			});
			models.add(new UpdateOneModel<>(held, update));
		}
		return mongo.getCollection(collection(kind)).bulkWrite(models, new BulkWriteOptions().ordered(false))
			.getMatchedCount();
	}

	/** Gives a claim back: {@code restore} applies, the mark cleared, while it is still ours and {@code unchanged} holds. */
	public <T> void release(Kind<T> kind, T item, Criteria unchanged, Update restore) {
		mongo.updateFirst(held(kind, item).addCriteria(unchanged), kind.mark().cleared(restore), kind.type(),
				collection(kind));
	}

	/** How long claimed work may stay pending before a sweep takes it over. */
	public Duration lease() {
		return settings.lease();
	}

	/** Stops the hand-off threads. */
	@Override
	public void close() {
		handOffs.close();
	}

	/** Writes the claims in one bulk write, each marking its document with {@code token} while its condition holds. */
	private <T> void write(Kind<T> kind, List<? extends Claim<?>> claims, String token) {
		BulkOperations bulk = bulk(kind);
		for (Claim<?> claim : claims) {
			bulk.updateOne(new Query(Criteria.where("_id").is(claim.id())).addCriteria(claim.condition()),
					kind.mark().claiming(claim.update(), claim, token));
		}
		execute(bulk, claims.size(), kind.name() + " claims failed; those stay due");
	}

	/** Moves the batch's pending marks to a new token, each only while it carries the token read. */
	private <T> List<T> takeOver(Kind<T> kind, Mark.Pending<T> pending, List<T> batch, Instant now) {
		String token = UUID.randomUUID().toString();
		BulkOperations bulk = bulk(kind);
		batch.forEach(item -> bulk.updateOne(held(kind, item),
				new Update().set(Mark.Pending.PENDING_TOKEN, token).set(Mark.Pending.PENDING_SINCE, now)));
		execute(bulk, batch.size(), "take-overs of pending " + kind.name() + " hand-offs failed; tried again later");
		Set<String> mine = new HashSet<>();
		carrying(kind, batch.stream().map(kind.id()).toList(), Mark.Pending.PENDING_TOKEN, token, Sort.unsorted(), "_id")
			.forEach(item -> mine.add(kind.id().apply(item)));
		List<T> taken = batch.stream().filter(item -> mine.contains(kind.id().apply(item))).toList();
		taken.forEach(item -> pending.takenOver().moved(item, token, now));
		return taken;
	}

	/** The document while its mark is still the one {@code item} was read or claimed with. */
	private static <T> Query held(Kind<T> kind, T item) {
		return Query.query(Criteria.where("_id").is(kind.id().apply(item))).addCriteria(kind.mark().held(item));
	}

	private <T> List<T> read(Kind<T> kind, Criteria matching, Collection<String> skipped) {
		Query query = Query.query(matching).addCriteria(Criteria.where("_id").nin(skipped))
			.limit(settings.batch() * settings.threads());
		if (kind.fields().length > 0) {
			query.fields().include(kind.fields());
		}
		return mongo.find(query, kind.type(), collection(kind));
	}

	private <T> List<List<T>> batches(List<T> found) {
		List<List<T>> batches = new ArrayList<>();
		for (int from = 0; from < found.size(); from += settings.batch()) {
			batches.add(found.subList(from, Math.min(found.size(), from + settings.batch())));
		}
		return batches;
	}

	/** Which of {@code ids} carry {@code token} in {@code field} now, read with {@code fields} (none: whole). */
	private <T> List<T> carrying(Kind<T> kind, List<String> ids, String field, String token, Sort order,
			String... fields) {
		Query query = Query.query(Criteria.where("_id").in(ids).and(field).is(token)).with(order);
		if (fields.length > 0) {
			query.fields().include(fields);
		}
		return mongo.find(query, kind.type(), collection(kind));
	}

	private <T> BulkOperations bulk(Kind<T> kind) {
		return mongo.bulkOps(BulkMode.UNORDERED, kind.type(), collection(kind));
	}

	private <T> String collection(Kind<T> kind) {
		return kind.collection() != null ? kind.collection() : mongo.getCollectionName(kind.type());
	}

	/** An id as Spring stores a String id: an ObjectId when it is one in hex. */
	private static Object storedId(String id) {
		return ObjectId.isValid(id) ? new ObjectId(id) : id;
	}

	/** A value as the store keeps it (enums as names, instants as dates). */
	private Object stored(Object value) {
		return value == null ? null : mongo.getConverter().convertToMongoType(value);
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
