package org.reconnect.messaging;

import java.time.Instant;

/**
 * What became of the messages that carry one reference (see {@link Messenger#fates}).
 *
 * @param sentAt when the first of them was accepted by the channel; null when none was
 * @param attempting whether one is claimed by a dispatcher at this moment, so that it may yet go
 */
public record ReferenceFate(Instant sentAt, boolean attempting) {

	public boolean sent() {
		return sentAt != null;
	}
}
