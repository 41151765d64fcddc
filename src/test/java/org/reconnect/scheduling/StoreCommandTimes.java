package org.reconnect.scheduling;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

/**
 * Where a benchmark's time in the store goes: each command the driver sends, by its shape (command,
 * collection and the fields its filter names, never their values), with how often and how long.
 */
final class StoreCommandTimes implements CommandListener {

	private record Totals(LongAdder count, LongAdder nanos) {
	}

	private final Map<Integer, String> shapes = new ConcurrentHashMap<>();
	private final Map<String, Totals> totals = new ConcurrentHashMap<>();

	@Override
	public void commandStarted(CommandStartedEvent event) {
		shapes.put(event.getRequestId(), shape(event.getCommandName(), event.getCommand()));
	}

	@Override
	public void commandSucceeded(CommandSucceededEvent event) {
		add(event.getRequestId(), event.getElapsedTime(java.util.concurrent.TimeUnit.NANOSECONDS));
	}

	@Override
	public void commandFailed(CommandFailedEvent event) {
		add(event.getRequestId(), event.getElapsedTime(java.util.concurrent.TimeUnit.NANOSECONDS));
	}

	private void add(int requestId, long nanos) {
		String shape = shapes.remove(requestId);
		if (shape != null) {
			Totals sum = totals.computeIfAbsent(shape, s -> new Totals(new LongAdder(), new LongAdder()));
			sum.count.increment();
			sum.nanos.add(nanos);
		}
	}

	void reset() {
		totals.clear();
	}

	/** The {@code top} shapes by total time. */
	String report(int top) {
		StringBuilder out = new StringBuilder();
		totals.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, Totals> e) -> e.getValue().nanos.sum()).reversed())
			.limit(top)
			.forEach(e -> out.append(String.format("STORE %8.1f s %,9d x %7.2f ms  %s%n", e.getValue().nanos.sum() / 1e9,
					e.getValue().count.sum(), e.getValue().nanos.sum() / 1e6 / Math.max(1, e.getValue().count.sum()),
					e.getKey())));
		return out.toString();
	}

	private static String shape(String command, BsonDocument body) {
		BsonValue collection = body.get(command);
		String filter = "";
		for (String key : new String[] { "filter", "query", "q", "updates", "deletes", "pipeline" }) {
			if (body.containsKey(key)) {
				filter = key + keys(body.get(key));
				break;
			}
		}
		return command + " " + (collection != null && collection.isString() ? collection.asString().getValue() : "") + " " + filter;
	}

	private static String keys(BsonValue value) {
		if (value.isDocument()) {
			return value.asDocument().keySet().toString();
		}
		if (value.isArray() && !value.asArray().isEmpty()) {
			BsonValue first = value.asArray().get(0);
			if (first.isDocument() && first.asDocument().containsKey("q")) {
				return keys(first.asDocument().get("q"));
			}
			return keys(first);
		}
		return "";
	}
}
