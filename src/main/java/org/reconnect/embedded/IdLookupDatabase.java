package org.reconnect.embedded;

import java.lang.reflect.Field;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

/** An H2 database whose collections find a document by its id even when a query says more. */
final class IdLookupDatabase extends H2Database {

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
