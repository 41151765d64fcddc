package org.reconnect.console;

import java.time.Instant;

/** Someone already has the notice in hand; nothing more to do. */
public class NoticeAlreadyAcknowledged extends RuntimeException {

	NoticeAlreadyAcknowledged(String id, Instant at) {
		super("Notice '" + id + "' was already acknowledged at " + at + ": nothing more to do. "
				+ "See GET /api/attention for who else was told");
	}
}
