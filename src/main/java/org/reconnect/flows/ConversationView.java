package org.reconnect.flows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A conversation as a coach may see it (allies never do). */
public record ConversationView(String id, String flow, String revision, String state, String status,
		Map<String, String> answers, int replies, Instant startedAt, Instant expiresAt, Instant waitUntil,
		List<String> queued) {

	static ConversationView of(Conversation c) {
		return new ConversationView(c.id, c.flow, c.revision, c.state, c.status.name(), Map.copyOf(c.answers), c.replies,
				c.startedAt, c.expiresAt, c.waitUntil, List.copyOf(c.queued));
	}
}
