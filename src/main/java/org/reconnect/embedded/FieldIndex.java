package org.reconnect.embedded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A non-unique index for the embedded MongoDB-wire server, which ignores every index that is not
 * unique and so scans a whole collection for {@code {status: "QUEUED", ...}} or
 * {@code {nextDueAt: {$lte: now}}}. It answers equality, {@code $in} and ranges on the index's
 * first field; the query's other conditions are still checked on each candidate, so candidates
 * are a superset of the matches and a query never misses a document. Held in memory, rebuilt
 * from the data when the database opens; a real MongoDB builds its own index from the same
 * declaration.
 */
final class FieldIndex extends Index<Object> {

	/** Keys of one kind compare among themselves; kinds are ordered as MongoDB orders BSON types. */
	private enum Kind {
		NULL, NUMBER, STRING, OBJECT_ID, BOOLEAN, DATE, UUID
	}

	private record Key(Kind kind, Comparable<Object> value) implements Comparable<Key> {

		private static final Comparator<Key> ORDER = Comparator.comparing(Key::kind)
			.thenComparing(Key::value, Comparator.nullsFirst(Comparator.naturalOrder()));

		@Override
		public int compareTo(Key other) {
			return ORDER.compare(this, other);
		}
	}

	private static final Key NULL = new Key(Kind.NULL, null);

	private static final Set<String> RANGE = Set.of("$lt", "$lte", "$gt", "$gte");

	private final String field;
	private final NavigableMap<Key, Set<Object>> positionsByKey = new TreeMap<>();
	/** Documents whose value cannot be compared here (sub-documents, binaries): always candidates. */
	private final Set<Object> unindexed = new LinkedHashSet<>();
	private final Map<Object, List<Key>> keysByPosition = new HashMap<>();

	FieldIndex(String name, List<IndexKey> keys) {
		super(name, keys, false);
		this.field = keys.get(0).getKey();
	}

	@Override
	public boolean canHandle(Document query) {
		if (!query.containsKey(field)) {
			return false;
		}
		Object condition = query.get(field);
		if (!(condition instanceof Document operators)) {
			return indexable(condition);
		}
		if (operators.size() == 1 && operators.get("$in") instanceof Collection<?> values) {
			return values.stream().allMatch(FieldIndex::indexable);
		}
		if (operators.size() == 1 && operators.containsKey("$eq")) {
			return indexable(operators.get("$eq"));
		}
		return !operators.isEmpty() && RANGE.containsAll(operators.keySet())
				&& operators.values().stream().allMatch(bound -> bound != null && indexable(bound))
				&& operators.values().stream().map(bound -> key(bound).kind()).distinct().count() == 1;
	}

	@Override
	public synchronized Iterable<Object> getPositions(Document query) {
		Set<Object> result = new LinkedHashSet<>();
		buckets(query).forEach(result::addAll);
		result.addAll(unindexed);
		return new ArrayList<>(result);
	}

	/** How many candidates {@link #getPositions} would give (at most), to pick the narrowest index. */
	synchronized long candidates(Document query) {
		return buckets(query).stream().mapToLong(Set::size).sum() + unindexed.size();
	}

	private List<Set<Object>> buckets(Document query) {
		Object condition = query.get(field);
		if (!(condition instanceof Document operators)) {
			return List.of(positionsByKey.getOrDefault(key(condition), Set.of()));
		}
		if (operators.get("$in") instanceof Collection<?> values) {
			return values.stream().map(value -> positionsByKey.getOrDefault(key(value), Set.<Object>of())).toList();
		}
		if (operators.containsKey("$eq")) {
			return List.of(positionsByKey.getOrDefault(key(operators.get("$eq")), Set.of()));
		}
		return new ArrayList<>(range(operators).values());
	}

	/** MongoDB compares a range only with values of the bound's own type. */
	private NavigableMap<Key, Set<Object>> range(Document operators) {
		Kind kind = key(operators.values().iterator().next()).kind();
		Key low = new Key(kind, null);
		boolean lowInclusive = true;
		Key high = null;
		boolean highInclusive = true;
		for (Map.Entry<String, Object> bound : operators.entrySet()) {
			Key key = key(bound.getValue());
			switch (bound.getKey()) {
				case "$gt", "$gte" -> {
					low = key;
					lowInclusive = bound.getKey().equals("$gte");
				}
				default -> {
					high = key;
					highInclusive = bound.getKey().equals("$lte");
				}
			}
		}
		NavigableMap<Key, Set<Object>> from = positionsByKey.tailMap(low, lowInclusive);
		if (high != null) {
			return from.headMap(high, highInclusive);
		}
		Kind next = kind.ordinal() + 1 < Kind.values().length ? Kind.values()[kind.ordinal() + 1] : null;
		return next == null ? from : from.headMap(new Key(next, null), false);
	}

	@Override
	public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
		List<Key> keys = new ArrayList<>();
		Object value = Utils.getSubdocumentValueCollectionAware(document, field);
		if (value instanceof Collection<?> elements) {
			// an array field matches a query for any of its elements
			for (Object element : elements) {
				if (indexable(element)) {
					keys.add(key(element));
				}
				else {
					unindexed.add(position);
				}
			}
			if (elements.isEmpty()) {
				unindexed.add(position);
			}
		}
		else if (indexable(value) || value instanceof Missing) {
			keys.add(key(value));
		}
		else {
			unindexed.add(position);
		}
		keysByPosition.put(position, keys);
		keys.forEach(key -> positionsByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(position));
	}

	@Override
	public synchronized Object remove(Document document) {
		Object position = Missing.ofNullable(Utils.getSubdocumentValue(document, "_id"));
		forget(position);
		return position;
	}

	@Override
	public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) {
		// Most updates leave this index's field alone: re-keying every index on every update took
		// a tenth of the server's time in the reminder burst.
		if (keysByPosition.containsKey(position) && java.util.Objects.equals(
				Utils.getSubdocumentValueCollectionAware(oldDocument, field),
				Utils.getSubdocumentValueCollectionAware(newDocument, field))) {
			return;
		}
		forget(position);
		add(newDocument, position, collection);
	}

	private void forget(Object position) {
		unindexed.remove(position);
		List<Key> keys = keysByPosition.remove(position);
		if (keys == null) {
			return;
		}
		for (Key key : keys) {
			Set<Object> positions = positionsByKey.get(key);
			if (positions != null && positions.remove(position) && positions.isEmpty()) {
				positionsByKey.remove(key);
			}
		}
	}

	/** Documents are found by id through the id index, not through this one. */
	@Override
	public Object getPosition(Document document) {
		return null;
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> collection) {
		// not unique: nothing to refuse
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
		// not unique: nothing to refuse
	}

	@Override
	public synchronized long getCount() {
		return keysByPosition.size();
	}

	@Override
	public long getDataSize() {
		return 0;
	}

	@Override
	public synchronized void drop() {
		positionsByKey.clear();
		unindexed.clear();
		keysByPosition.clear();
	}

	/** Values whose Java order and equality are MongoDB's, once numbers are widened. */
	private static boolean indexable(Object value) {
		return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof Date || value instanceof Instant || value instanceof ObjectId || value instanceof UUID;
	}

	/** A query for null finds documents where the field is null or missing, as MongoDB does. */
	@SuppressWarnings("unchecked")
	private static Key key(Object value) {
		if (value == null || value instanceof Missing) {
			return NULL;
		}
		if (value instanceof Number number) {
			return new Key(Kind.NUMBER, (Comparable<Object>) (Object) number.doubleValue());
		}
		if (value instanceof Date date) {
			return new Key(Kind.DATE, (Comparable<Object>) (Object) date.toInstant());
		}
		Kind kind = value instanceof String ? Kind.STRING
				: value instanceof ObjectId ? Kind.OBJECT_ID
						: value instanceof Boolean ? Kind.BOOLEAN : value instanceof Instant ? Kind.DATE : Kind.UUID;
		return new Key(kind, (Comparable<Object>) value);
	}
}
