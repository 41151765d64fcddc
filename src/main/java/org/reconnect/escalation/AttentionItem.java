package org.reconnect.escalation;

import java.time.Instant;

/**
 * An alert, acknowledgement or crisis notice as the coach sees it.
 *
 * @param recipient "participant", "coach:<name>" or "ally:<id>"; null for crisis notices
 */
public record AttentionItem(String id, String kind, String participantId, String recipient, Integer step,
		String outcome, Instant at, Instant acknowledgedAt) {
}
