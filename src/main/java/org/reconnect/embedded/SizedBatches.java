package org.reconnect.embedded;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Replies in batches, as MongoDB gives them: a query that names no batch size gets its first 101
 * documents, and each further batch as many as fit in 16 MiB. The embedded server would answer it
 * with every match in one reply, and the driver refuses a reply over 48 MB: at 100,000
 * participants a supervisor's list of everyone, or a sweep over every ally, would fail on the
 * embedded store and work on MongoDB.
 */
final class SizedBatches {

	/** MongoDB's first batch when the client names none. */
	static final int FIRST = 101;

	/** MongoDB's largest batch. */
	static final int MOST_BYTES = 16 * 1024 * 1024;

	private SizedBatches() {
	}

	/**
	 * A document is at most 16 MiB, so this many always fit in a reply the driver reads: a
	 * lookup by id or a claim's read-back is answered without measuring anything.
	 */
	private static final int ALWAYS_FIT = 2;

	/**
	 * A client's find that names no batch size gets MongoDB's first batch; the server's own reads
	 * (counts, the documents an update matches) name none either, and keep getting everything.
	 */
	static void firstBatchOf(Document find) {
		if (!find.containsKey("batchSize") && !Boolean.TRUE.equals(find.get("singleBatch"))) {
			find.put("batchSize", FIRST);
		}
	}

	/**
	 * The reply to a client's query: all of it when it fits in the first batch, else a first batch
	 * and a cursor.
	 *
	 * @param batchSize the first batch the client asked for ({@link #firstBatchOf})
	 */
	static QueryResult reply(List<Document> documents, int batchSize, CursorRegistry cursors) {
		int taken = documents.size() <= Math.min(batchSize, ALWAYS_FIT) ? documents.size() : fitting(documents, batchSize);
		if (taken == documents.size()) {
			return new QueryResult(documents);
		}
		Cursor rest = new Rest(cursors.generateCursorId(), documents.subList(taken, documents.size()));
		cursors.add(rest);
		return new QueryResult(new ArrayList<>(documents.subList(0, taken)), rest);
	}

	/** How many of the first {@code most} documents fit in one batch; at least one. */
	static int fitting(List<Document> documents, int most) {
		int limit = Math.min(most, documents.size());
		ByteBuf buffer = Unpooled.buffer();
		try {
			long bytes = 0;
			for (int i = 0; i < limit; i++) {
				buffer.clear();
				BsonEncoder.encodeDocument(documents.get(i), buffer);
				bytes += buffer.writerIndex();
				if (bytes > MOST_BYTES && i > 0) {
					return i;
				}
			}
			return limit;
		}
		finally {
			buffer.release();
		}
	}

	/** What a query has not yet handed out; a getMore naming no batch size gets as much as fits. */
	private static final class Rest extends AbstractCursor {

		private List<Document> remaining;

		Rest(long id, List<Document> remaining) {
			super(id);
			this.remaining = remaining;
		}

		@Override
		public synchronized boolean isEmpty() {
			return remaining.isEmpty();
		}

		@Override
		public synchronized List<Document> takeDocuments(int count) {
			int taken = fitting(remaining, count > 0 ? count : Integer.MAX_VALUE);
			List<Document> batch = new ArrayList<>(remaining.subList(0, taken));
			remaining = remaining.subList(taken, remaining.size());
			return batch;
		}
	}
}
