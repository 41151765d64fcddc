package org.reconnect.flows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A conversation as a coach may see it (allies never do). Status UNDELIVERED: its question never
 * reached the participant, so it never counts as missed.
 *
 * @param askedAt when its opening question went out; null while it waits in the outbox, when it
 * never went, and for conversations from before this was kept
 * @param questionPending whether its opening question still waits in the outbox (held for quiet
 * hours, paced, or retried); it goes by {@code expiresAt} or not at all
 */
public record ConversationView(String id, String flow, String revision, String state, String status,
		Map<String, String> answers, int replies, Instant startedAt, Instant expiresAt, Instant waitUntil,
		List<String> queued, Instant askedAt, boolean questionPending) {

	public ConversationView(String id, String flow, String revision, String state, String status,
			Map<String, String> answers, int replies, Instant startedAt, Instant expiresAt, Instant waitUntil,
			List<String> queued) {
		this(id, flow, revision, state, status, answers, replies, startedAt, expiresAt, waitUntil, queued, null, false);
	}

	static ConversationView of(Conversation c) {
		return new ConversationView(c.id, c.flow, c.revision, c.state, c.status.name(), Map.copyOf(c.answers), c.replies,
				c.startedAt, c.expiresAt, c.waitUntil, List.copyOf(c.queued), c.askedAt, c.questionPending);
	}
}
