package org.reconnect.embedded;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The embedded server's collections, stored as BSON. H2 keeps any value it does not know with Java
 * serialization, written afresh (class descriptors and all) for every document of every page each
 * commit writes, and read back the same way for every page it loads: that was the largest single
 * cost of a write. BSON is what the server speaks on the wire already, so every document it holds
 * encodes and decodes without loss.
 *
 * <p>A file written before this keeps its documents Java-serialized under the same map names; the
 * first opening copies each collection into BSON. A crash at any moment of that copy leaves a file
 * the next opening can finish: the old map stays the truth until the copy is complete, and the
 * collection's meta map says which format its map holds.
 */
final class DocumentMaps {

	private static final Logger log = LoggerFactory.getLogger(DocumentMaps.class);

	/** Marks, in a collection's meta map, that its data map holds BSON. */
	static final String FORMAT_KEY = "reconnect.documentFormat";

	static final String BSON = "bson-1";

	private static final String DATA_PREFIX = "databases.";

	static final String COPY_PREFIX = "reconnect.bson-copy.";

	private DocumentMaps() {
	}

	/**
	 * Opens the data map of the collection {@code namespace} ("database.collection") as BSON,
	 * migrating it first when it still holds Java-serialized documents.
	 */
	static MVMap<Object, Document> open(MVStore store, String namespace, MVMap<String, Object> meta) {
		String data = DATA_PREFIX + namespace;
		String copy = COPY_PREFIX + namespace;
		if (store.hasMap(copy) && !store.hasMap(data)) {
			// A migration copied everything and removed the old map, then stopped.
			finish(store, copy, data, meta);
		}
		else if (store.hasMap(data) && !BSON.equals(meta.get(FORMAT_KEY))) {
			migrate(store, namespace, meta);
		}
		else {
			meta.put(FORMAT_KEY, BSON);
		}
		return store.openMap(data, builder());
	}

	private static void migrate(MVStore store, String namespace, MVMap<String, Object> meta) {
		String data = DATA_PREFIX + namespace;
		String copy = COPY_PREFIX + namespace;
		if (store.hasMap(copy)) {
			store.removeMap(copy); // an earlier copy that did not finish
		}
		MVMap<Object, Object> old = store.openMap(data);
		MVMap<Object, Document> target = store.openMap(copy, builder());
		int documents = 0;
		for (var entry : old.entrySet()) {
			target.put(entry.getKey(), (Document) entry.getValue());
			documents++;
		}
		store.removeMap(old);
		finish(store, copy, data, meta);
		store.commit();
		log.info("Embedded store: {} documents of {} now stored as BSON", documents, namespace);
	}

	private static void finish(MVStore store, String copy, String data, MVMap<String, Object> meta) {
		meta.put(FORMAT_KEY, BSON);
		store.renameMap(store.openMap(copy, builder()), data);
	}

	static MVMap.Builder<Object, Document> builder() {
		return new MVMap.Builder<Object, Document>().keyType(new IdType()).valueType(new BsonDocumentType());
	}

	/** A document as its BSON bytes, preceded by their length. */
	static final class BsonDocumentType extends BasicDataType<Document> {

		private static final ThreadLocal<ByteBuf> BUFFER = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

		@Override
		public int getMemory(Document document) {
			return estimate(document);
		}

		@Override
		public void write(WriteBuffer buffer, Document document) {
			ByteBuf bson = BUFFER.get().clear();
			BsonEncoder.encodeDocument(document, bson);
			buffer.putVarInt(bson.readableBytes());
			buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
			if (bson.capacity() > 1 << 20) {
				BUFFER.remove(); // one large document should not keep a large buffer per thread
			}
		}

		@Override
		public Document read(ByteBuffer buffer) {
			int length = DataUtils.readVarInt(buffer);
			ByteBuffer bytes = buffer.slice();
			bytes.limit(length);
			buffer.position(buffer.position() + length);
			return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
		}

		/** Values are only ever compared for equality (a conditional replace or remove). */
		@Override
		public int compare(Document a, Document b) {
			return a.equals(b) ? 0 : 1;
		}

		@Override
		public Document[] createStorage(int size) {
			return new Document[size];
		}

		/** Roughly what the document takes on the heap, for H2's cache accounting. */
		private static int estimate(Object value) {
			if (value instanceof Document document) {
				int size = 64;
				for (var entry : document.entrySet()) {
					size += 48 + 2 * entry.getKey().length() + estimate(entry.getValue());
				}
				return size;
			}
			if (value instanceof java.util.Collection<?> values) {
				int size = 48;
				for (Object each : values) {
					size += 8 + estimate(each);
				}
				return size;
			}
			if (value instanceof String text) {
				return 48 + 2 * text.length();
			}
			return 24;
		}
	}

	/**
	 * A document's id: ordered and stored as H2's own object type does, except the server's
	 * ObjectId, which that type could only Java-serialize; here it is its twelve bytes.
	 */
	static final class IdType extends BasicDataType<Object> {

		private static final byte OBJECT_ID = 1;

		private static final byte OTHER = 0;

		private final ObjectDataType other = new ObjectDataType();

		@Override
		public int compare(Object a, Object b) {
			if (a instanceof ObjectId first && b instanceof ObjectId second) {
				return first.compareTo(second);
			}
			return other.compare(a, b);
		}

		@Override
		public int getMemory(Object id) {
			return id instanceof ObjectId ? 40 : other.getMemory(id);
		}

		@Override
		public void write(WriteBuffer buffer, Object id) {
			if (id instanceof ObjectId objectId) {
				buffer.put(OBJECT_ID).put(objectId.toByteArray());
			}
			else {
				buffer.put(OTHER);
				other.write(buffer, id);
			}
		}

		@Override
		public Object read(ByteBuffer buffer) {
			if (buffer.get() == OBJECT_ID) {
				byte[] bytes = new byte[12];
				buffer.get(bytes);
				return new ObjectId(bytes);
			}
			return other.read(buffer);
		}

		@Override
		public Object[] createStorage(int size) {
			return new Object[size];
		}
	}
}
