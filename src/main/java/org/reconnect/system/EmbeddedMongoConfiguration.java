package org.reconnect.system;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.mongodb.ConnectionString;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * Starts an in-process MongoDB-wire-protocol server on a file under the data directory when no
 * MongoDB URI is configured, so the service runs with no other software installed. The server
 * cannot authenticate anyone, so it listens on loopback only and its file is owner-only; it has no
 * replication and no backups either, so with a Twilio account configured (real people's data) the
 * service refuses to start on it unless a small pilot says it accepts that.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty()")
class EmbeddedMongoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

	static final String REAL_PEOPLE_REFUSED = "A Twilio account is configured, so this service would hold real "
			+ "people's names, numbers and messages, but MongoDB is the embedded store: it has no authentication "
			+ "(any process on this machine can read it over loopback), no replication and no backups. Set "
			+ "spring.mongodb.uri (environment SPRING_MONGODB_URI) to a MongoDB replica set, or, for a "
			+ "small pilot that accepts those limits, set reconnect.embedded-store-pilot=true "
			+ "(RECONNECT_EMBEDDEDSTOREPILOT).";

	@Bean
	EmbeddedStore embeddedStore(SystemSettings settings, Environment environment) throws IOException {
		if (!SimulatorMode.active(environment) && !settings.embeddedStorePilot()) {
			throw new IllegalStateException(REAL_PEOPLE_REFUSED);
		}
		Path file = OwnerOnly.directory(settings.dataDir()).resolve("mongo.mv");
		DurableH2Backend backend = new DurableH2Backend(
				new MVStore.Builder().fileName(file.toString()).cacheSize(settings.embeddedStoreCacheMb()).open());
		OwnerOnly.file(file);
		if (!SimulatorMode.active(environment)) {
			log.warn("Real people's data on the embedded MongoDB-wire store (reconnect.embedded-store-pilot): no "
					+ "authentication, replication or backups; back up {} yourself", file);
		}
		return new EmbeddedStore(backend, file);
	}

	/** Closes the store when it stops (shutdownNow closes its backend). */
	@Bean(destroyMethod = "shutdownNow")
	MongoServer embeddedMongoServer(EmbeddedStore store) {
		MongoServer server = new MongoServer(store.backend());
		// the server cannot authenticate anyone: only this machine may reach it
		server.bind(InetAddress.getLoopbackAddress().getHostAddress(), 0);
		if (!server.getLocalAddress().getAddress().isLoopbackAddress()) {
			server.shutdownNow();
			throw new IllegalStateException("the embedded MongoDB-wire server did not bind to loopback");
		}
		log.info("Embedded MongoDB-wire server on {} with its data in {}", server.getLocalAddress(), store.file());
		return server;
	}

	@Bean
	MongoConnectionDetails mongoConnectionDetails(MongoServer embeddedMongoServer) {
		InetSocketAddress address = embeddedMongoServer.getLocalAddress();
		ConnectionString connection = new ConnectionString(
				"mongodb://" + address.getHostString() + ":" + address.getPort() + "/reconnect");
		return () -> connection;
	}

	/**
	 * The H2 MVStore commits on its own only about once a second; this backend commits after
	 * every command that writes, before the client is answered, so an acknowledged write is on
	 * disk even if the process dies the next moment. Writers that arrive while a commit is being
	 * written share the next one (group commit): each still waits for a commit that began after
	 * its own write.
	 */
	static final class DurableH2Backend extends H2Backend {

		private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
				"createindexes", "dropindexes", "drop", "create", "renamecollection", "dropdatabase");

		private final AtomicLong writes = new AtomicLong();
		private final ReentrantLock committing = new ReentrantLock();
		private volatile long committed;

		DurableH2Backend(MVStore store) {
			super(store);
		}

		@Override
		protected MongoDatabase openOrCreateDatabase(String databaseName) {
			return new IdLookupDatabase(databaseName, getMvStore(), getCursorRegistry());
		}

		@Override
		public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
			if ("aggregate".equalsIgnoreCase(command)) {
				Document counted = countDocuments(databaseName, query);
				if (counted != null) {
					return counted;
				}
			}
			Document response = super.handleCommand(channel, databaseName, command, query);
			if (WRITES.contains(command.toLowerCase())) {
				commitIncluding(writes.incrementAndGet());
			}
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

	/** An H2 database whose collections find a document by its id even when a query says more. */
	static final class IdLookupDatabase extends H2Database {

		IdLookupDatabase(String name, MVStore store, CursorRegistry cursors) {
			super(name, store, cursors);
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			// The maps H2Database opens, so data written before (or by it) is found again; the documents as BSON.
			String namespace = getFullCollectionNamespace(collectionName);
			MVStore store = store();
			MVMap<String, Object> meta = store.openMap("meta." + namespace);
			MVMap<Object, Document> data = DocumentMaps.open(store, namespace, meta);
			return new IdLookupCollection(this, collectionName, options, data, meta, cursorRegistry);
		}

		/**
		 * In memory, rebuilt at open (see {@link UniqueKeyIndex}). The map an earlier version kept
		 * for this index in the file is removed, so nothing stale is left behind in it.
		 */
		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			String persisted = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
			MVStore store = store();
			if (store.hasMap(persisted)) {
				store.removeMap(persisted);
			}
			return new UniqueKeyIndex(indexName, keys, sparse);
		}

		/** The server ignores non-unique indexes; this one answers equality and ranges on their first field. */
		@Override
		protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			return new FieldIndex(indexName, keys);
		}

		/** H2Database keeps its store private; it is set before the collections are opened. */
		private MVStore store() {
			try {
				Field field = H2Database.class.getDeclaredField("mvStore");
				field.setAccessible(true);
				return (MVStore) field.get(this);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("mongo-java-server's H2Database changed: review IdLookupDatabase", ex);
			}
		}
	}

	/**
	 * The embedded server uses an index only when a query names exactly the index's fields, so
	 * {@code {_id: x, version: 3}} (every versioned save) or {@code {_id: x, status: "QUEUED"}} (a
	 * claim) would scan the whole collection. This collection looks such a query up by its id
	 * first and matches the rest on that one document.
	 */
	static final class IdLookupCollection extends H2Collection {

		IdLookupCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
				MVMap<String, Object> meta, CursorRegistry cursors) {
			super(database, name, options, data, meta, cursors);
		}

		/*
		 * The map keeps the objects it is given, and the store encodes them later, on its own thread,
		 * when it commits. The server, though, changes a document it read in place when it updates it,
		 * and may hold on to one it inserted. So the map and the server never share an object either
		 * could change: what goes in is a copy, and what a query hands out is a copy (the server reads
		 * a stored document by position only on its way to a query). Only matches are copied, since
		 * matching only reads; a query for nothing but ids gets new documents from its projection
		 * anyway, so counts and id lookups copy nothing.
		 */

		/**
		 * The server's running total of the collection's size (for collStats, which nothing here
		 * asks for) encodes the document before and after every write: a tenth of an update's time.
		 */
		@Override
		protected boolean tracksDataSize() {
			return false;
		}

		@Override
		protected Object addDocumentInternal(Document document) {
			return super.addDocumentInternal(copy(document));
		}

		@Override
		protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
			super.handleUpdate(position, oldDocument, copy(newDocument));
		}

		@Override
		protected QueryResult matchDocumentsFromStream(Stream<Document> documents, Document query, Document orderBy,
				int skip, int limit, int batchSize, Document fieldSelector) {
			boolean idsOnly = idsOnly(fieldSelector);
			Stream<Document> matches = documents.filter(document -> documentMatchesQuery(document, query))
				.map(document -> idsOnly ? document : copy(document));
			// Matched once here: the server uses the query only to filter, so it gets an empty one.
			return super.matchDocumentsFromStream(matches, new Document(), orderBy, skip, limit, batchSize, fieldSelector);
		}

		/** A projection of {@code {_id: 1}}: its results are new documents holding only the id. */
		private static boolean idsOnly(Document fieldSelector) {
			return fieldSelector != null && fieldSelector.size() == 1 && fieldSelector.get("_id") instanceof Number include
					&& include.intValue() == 1;
		}

		/**
		 * A deep copy, as {@link Document#cloneDeeply()} makes it but without a stream per value,
		 * which took a third of the server's time in the reminder benchmark.
		 */
		static Document copy(Document document) {
			Document copy = new Document();
			for (Map.Entry<String, Object> entry : document.entrySet()) {
				copy.put(entry.getKey(), copyValue(entry.getValue()));
			}
			return copy;
		}

		private static Object copyValue(Object value) {
			if (value instanceof Document document) {
				return copy(document);
			}
			if (value instanceof List<?> list) {
				List<Object> copy = new ArrayList<>(list.size());
				list.forEach(element -> copy.add(copyValue(element)));
				return copy;
			}
			if (value instanceof Set<?> set) {
				Set<Object> copy = new LinkedHashSet<>();
				set.forEach(element -> copy.add(copyValue(element)));
				return copy;
			}
			return value;
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document fieldSelector) {
			Object id = query.get("_id");
			if (id instanceof Document operators && operators.size() == 1
					&& operators.get("$in") instanceof Collection<?> ids && ids.stream().allMatch(IdLookupCollection::isPlainValue)) {
				Index<Object> byId = idIndex();
				if (byId != null) {
					Set<Object> positions = new LinkedHashSet<>();
					for (Object each : ids) {
						byId.getPositions(new Document("_id", each)).forEach(positions::add);
					}
					return matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
				}
			}
			if (query.size() > 1 && isPlainValue(id)) {
				Document byId = new Document("_id", id);
				for (Index<Object> index : getIndexes()) {
					if (index.canHandle(byId)) {
						return matchDocuments(query, index.getPositions(byId), orderBy, skip, limit, batchSize, fieldSelector);
					}
				}
			}
			Index<Object> narrowest = narrowest(query);
			if (narrowest != null) {
				return matchDocuments(query, narrowest.getPositions(query), orderBy, skip, limit, batchSize, fieldSelector);
			}
			return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
		}

		/**
		 * The index that gives the fewest candidates; the server itself takes the first that can
		 * answer, which may be {@code status} (thousands of SENT messages) rather than {@code to}.
		 * A unique index answers only a query naming exactly its fields: at most one document.
		 */
		private Index<Object> narrowest(Document query) {
			Index<Object> best = null;
			long fewest = Long.MAX_VALUE;
			for (Index<Object> index : getIndexes()) {
				if (index.canHandle(query)) {
					long candidates = index instanceof FieldIndex field ? field.candidates(query) : 1;
					if (candidates < fewest) {
						best = index;
						fewest = candidates;
					}
				}
			}
			return best;
		}

		private Index<Object> idIndex() {
			return getIndexes().stream()
				.filter(index -> index.getKeys().size() == 1 && "_id".equals(index.getKeys().get(0).getKey()))
				.findFirst()
				.orElse(null);
		}

		/** An id compared for equality: not an operator such as $in, not a pattern. */
		private static boolean isPlainValue(Object id) {
			if (id == null || id instanceof java.util.regex.Pattern || id instanceof java.util.Collection) {
				return false;
			}
			return !(id instanceof Document document) || document.keySet().stream().noneMatch(key -> key.startsWith("$"));
		}
	}
}
