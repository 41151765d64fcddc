package org.reconnect.embedded;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 MVStore commits on its own only about once a second; this backend commits after
 * every command that writes, before the client is answered, so an acknowledged write is on
 * disk even if the process dies the next moment. Writers that arrive while a commit is being
 * written share the next one (group commit): each still waits for a commit that began after
 * its own write. A read its client has left for more than 10 minutes is let go ({@link IdleCursors}).
 */
final class DurableH2Backend extends H2Backend {

	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
			"createindexes", "dropindexes", "drop", "create", "renamecollection", "dropdatabase");

	private final AtomicLong writes = new AtomicLong();
	private final ReentrantLock committing = new ReentrantLock();
	private volatile long committed;
	private final IdleCursors idleCursors;

	DurableH2Backend(MVStore store) {
		this(store, defaultClock());
	}

	/** @param clock the server's time, which also times idle cursors out ({@link IdleCursors}) */
	DurableH2Backend(MVStore store, Clock clock) {
		super(store, clock);
		idleCursors = new IdleCursors(getCursorRegistry(), clock);
	}

	/** Reads not yet handed out whole (batches still to come), for the check that none is left behind. */
	int openCursors() {
		return getCursorRegistry().size();
	}

	/** Open reads whose idle time is being kept, for the check that none is kept after its read. */
	int timedCursors() {
		return idleCursors.tracked();
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new IdLookupDatabase(databaseName, getMvStore(), getCursorRegistry());
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		idleCursors.sweep();
		if ("aggregate".equalsIgnoreCase(command)) {
			Document counted = countDocuments(databaseName, query);
			if (counted != null) {
				return counted;
			}
		}
		if ("find".equalsIgnoreCase(command)) {
			SizedBatches.firstBatchOf(query);
		}
		Document response = super.handleCommand(channel, databaseName, command, query);
		if (WRITES.contains(command.toLowerCase())) {
			commitIncluding(writes.incrementAndGet());
		}
		idleCursors.answered(command, query, response);
		return response;
	}

	/**
	 * The driver's countDocuments is an aggregation, {@code [{$match}, ({$skip}), ({$limit}),
	 * {$group: {_id: 1, n: {$sum: 1}}}]}, and the server runs every aggregation's $match over
	 * the whole collection, indexes or not: the daily cap's count of one person's messages read
	 * every message ever sent. This answers that one shape through the collection's query, which
	 * uses the indexes; any other aggregation goes to the server as before.
	 *
	 * @return the aggregation's reply, or null when the command is not a count
	 */
	@SuppressWarnings("unchecked")
	private Document countDocuments(String databaseName, Document command) {
		if (!(command.get("aggregate") instanceof String collectionName)
				|| !(command.get("pipeline") instanceof List<?> pipeline) || pipeline.size() < 2
				|| !(pipeline.get(0) instanceof Document first) || first.size() != 1
				|| !(first.get("$match") instanceof Document filter)
				|| !(pipeline.get(pipeline.size() - 1) instanceof Document last) || !isCountGroup(last)) {
			return null;
		}
		int skip = 0;
		int limit = 0;
		for (Object stage : pipeline.subList(1, pipeline.size() - 1)) {
			if (stage instanceof Document step && step.size() == 1 && step.get("$skip") instanceof Number n) {
				skip = n.intValue();
			}
			else if (stage instanceof Document step && step.size() == 1 && step.get("$limit") instanceof Number n) {
				limit = n.intValue();
			}
			else {
				return null;
			}
		}
		MongoCollection<Object> collection = (MongoCollection<Object>) resolveDatabase(databaseName)
			.resolveCollection(collectionName, false);
		int count = 0;
		if (collection != null) {
			// The server's own reads and writes hold the collection's lock; so does this.
			synchronized (collection) {
				count = collection.count(filter, skip, limit);
			}
		}
		Object groupId = ((Document) last.get("$group")).get("_id");
		List<Document> batch = count == 0 ? List.of() : List.of(new Document("_id", groupId).append("n", count));
		return new Document("cursor", new Document("id", 0L).append("ns", databaseName + "." + collectionName)
			.append("firstBatch", batch)).append("ok", 1.0);
	}

	private static boolean isCountGroup(Document stage) {
		return stage.size() == 1 && stage.get("$group") instanceof Document group && group.size() == 2
				&& (group.get("_id") == null || group.get("_id") instanceof Number) && group.containsKey("_id")
				&& group.get("n") instanceof Document sum && sum.size() == 1
				&& sum.get("$sum") instanceof Number one && one.intValue() == 1;
	}

	/**
	 * Rewrites the file so that nothing deleted or overwritten stays in it. The store never
	 * writes a page in place: each commit writes changed pages afresh elsewhere, and the space of
	 * old ones is only marked free, so a deleted document's bytes stay in the file until that
	 * space happens to be reused (minutes, or never). Here every live page is written anew, the
	 * chunks are moved together from the start of the file, and the file is cut after them, so
	 * the free space that held old pages is overwritten or gone. Writers wait meanwhile: it takes
	 * about a second per 10 MB of live data.
	 */
	void compact() {
		committing.lock();
		MVStore store = getMvStore();
		int retention = store.getRetentionTime();
		long versions = store.getVersionsToKeep();
		try {
			store.setRetentionTime(0);
			store.setVersionsToKeep(0);
			store.commit();
			store.compact(100, Integer.MAX_VALUE);
			store.commit();
			store.sync();
			if (store.getFileStore() instanceof RandomAccessStore file) {
				file.compactMoveChunks(100, Long.MAX_VALUE, store);
			}
			store.sync();
		}
		finally {
			store.setRetentionTime(retention);
			store.setVersionsToKeep((int) versions);
			committing.unlock();
		}
	}

	/** Returns once a commit that began after write number {@code write} was applied has ended. */
	private void commitIncluding(long write) {
		committing.lock();
		try {
			if (committed < write) {
				long upTo = writes.get();
				commit();
				committed = upTo;
			}
		}
		finally {
			committing.unlock();
		}
	}
}
