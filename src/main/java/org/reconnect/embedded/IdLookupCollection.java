package org.reconnect.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The embedded server uses an index only when a query names exactly the index's fields, so
 * {@code {_id: x, version: 3}} (every versioned save) or {@code {_id: x, status: "QUEUED"}} (a
 * claim) would scan the whole collection. This collection looks such a query up by its id
 * first and matches the rest on that one document.
 */
final class IdLookupCollection extends H2Collection {

	private final CursorRegistry cursors;

	IdLookupCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
			MVMap<String, Object> meta, CursorRegistry cursors) {
		super(database, name, options, data, meta, cursors);
		this.cursors = cursors;
	}

	/** In batches MongoDB would give, never one reply too large for the driver ({@link SizedBatches}). */
	@Override
	protected QueryResult createQueryResult(List<Document> documents, int batchSize) {
		// no batch size: the server's own read (a count, an update's matches), which needs all
		return batchSize > 0 ? SizedBatches.reply(documents, batchSize, cursors)
				: super.createQueryResult(documents, batchSize);
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
		Iterable<Object> candidates = candidates(query);
		if (candidates == null) {
			return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
		}
		return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
	}

	/**
	 * The query plan: the positions of the documents that may match, or null when only a scan of
	 * the collection can answer. A query naming a plain id, or a list of ids, with anything more
	 * ({@code {_id, version}} of every versioned save and claim, {@code {_id, status}}) is looked
	 * up by id; any other through the narrowest index that can answer it. Each candidate is still
	 * matched against the whole query, so a plan never changes an answer.
	 */
	Iterable<Object> candidates(Document query) {
		Object id = query.get("_id");
		Index<Object> byId = idIndex();
		if (byId != null && id instanceof Document operators && operators.size() == 1
				&& operators.get("$in") instanceof Collection<?> ids && ids.stream().allMatch(IdLookupCollection::isPlainValue)) {
			Set<Object> positions = new LinkedHashSet<>();
			for (Object each : ids) {
				byId.getPositions(new Document("_id", each)).forEach(positions::add);
			}
			return positions;
		}
		if (byId != null && isPlainValue(id)) {
			return byId.getPositions(new Document("_id", id));
		}
		Index<Object> narrowest = narrowest(query);
		return narrowest == null ? null : narrowest.getPositions(query);
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
