package org.reconnect.embedded;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A unique index (every collection's {@code _id}, and each declared unique one) for the embedded
 * MongoDB-wire server, held in memory and rebuilt from the data when the database opens, as
 * {@link FieldIndex} is. The server's own H2 unique index keeps its keys in an MVStore map whose
 * keys it can only compare by serializing both with Java serialization, on every step of every
 * lookup, and writes that map to the file on every commit: profiling the reminder burst showed a
 * sixth of all CPU time in those comparisons. The server checks uniqueness against this index
 * exactly as it did against the H2 one.
 */
final class UniqueKeyIndex extends AbstractUniqueIndex<Object> {

	private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

	UniqueKeyIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
	}

	@Override
	protected Object removeDocument(KeyValue key) {
		return positions.remove(key);
	}

	@Override
	protected boolean containsKey(KeyValue key) {
		return positions.containsKey(key);
	}

	@Override
	protected boolean putKeyPosition(KeyValue key, Object position) {
		return positions.putIfAbsent(key, position) == null;
	}

	@Override
	protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
		return positions.entrySet();
	}

	@Override
	protected Object getPosition(KeyValue key) {
		return positions.get(key);
	}

	@Override
	public long getCount() {
		return positions.size();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	@Override
	public boolean isEmpty() {
		return positions.isEmpty();
	}

	@Override
	public void drop() {
		positions.clear();
	}

	/*
	 * An update seldom touches a unique key (never the _id): the server works out both documents'
	 * keys on every update all the same, a tenth of its time in the reminder burst. An update that
	 * leaves the key's fields as they were cannot break uniqueness or move the key.
	 */

	@Override
	public synchronized void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
		if (!sameKey(oldDocument, newDocument)) {
			super.checkUpdate(oldDocument, newDocument, collection);
		}
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) {
		if (!sameKey(oldDocument, newDocument)) {
			super.updateInPlace(oldDocument, newDocument, position, collection);
		}
	}

	private boolean sameKey(Document oldDocument, Document newDocument) {
		for (String field : keySet()) {
			if (!Objects.equals(Utils.getSubdocumentValueCollectionAware(oldDocument, field),
					Utils.getSubdocumentValueCollectionAware(newDocument, field))) {
				return false;
			}
		}
		return true;
	}
}
