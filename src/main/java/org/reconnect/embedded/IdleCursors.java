package org.reconnect.embedded;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Lets go of the rest of a read its client has not asked for in 10 minutes, as MongoDB does (its
 * {@code cursorTimeoutMillis}): a client that crashed mid-read would otherwise leave it, up to the
 * whole answer, until the server stops. A getMore on it then gets MongoDB's CursorNotFound (43).
 * Only cursors a reply left open are tracked, and each leaves when its read ends, is killed or
 * times out, so nothing here outgrows the server's own open reads.
 */
final class IdleCursors {

	/** MongoDB's default {@code cursorTimeoutMillis}. */
	static final Duration TIMEOUT = Duration.ofMinutes(10);

	private final CursorRegistry cursors;
	private final Clock clock;
	/** Each open cursor's id and when its client last asked for it. */
	private final Map<Long, Instant> lastUsed = new ConcurrentHashMap<>();

	IdleCursors(CursorRegistry cursors, Clock clock) {
		this.cursors = cursors;
		this.clock = clock;
	}

	/** Before each command: every cursor idle for more than {@link #TIMEOUT} is let go. */
	void sweep() {
		Instant oldest = clock.instant().minus(TIMEOUT);
		lastUsed.entrySet().removeIf(open -> {
			if (!open.getValue().isBefore(oldest)) {
				return false;
			}
			cursors.remove(open.getKey());
			return true;
		});
	}

	/** After each command: a reply that leaves a cursor open starts or restarts its time; one that ends it stops it. */
	void answered(String command, Document query, Document reply) {
		switch (command.toLowerCase()) {
			case "getmore" -> {
				if (query.get("getMore") instanceof Number asked) {
					lastUsed.remove(asked.longValue());
				}
				track(reply);
			}
			case "killcursors" -> {
				if (query.get("cursors") instanceof List<?> killed) {
					killed.stream().filter(Number.class::isInstance).forEach(id -> lastUsed.remove(((Number) id).longValue()));
				}
			}
			default -> track(reply);
		}
	}

	/** Open cursors of the server's that are being timed. */
	int tracked() {
		return lastUsed.size();
	}

	private void track(Document reply) {
		if (reply != null && reply.get("cursor") instanceof Document cursor && cursor.get("id") instanceof Number id
				&& id.longValue() != 0) {
			lastUsed.put(id.longValue(), clock.instant());
		}
	}
}
