package org.reconnect.escalation;

import java.time.Instant;

/**
 * An alert, acknowledgement or crisis notice as the coach sees it.
 *
 * @param participantId null for a crisis notice from a number nobody has enrolled
 * @param recipient "participant", "coach:<name>" or "ally:<id>"; null for crisis notices
 * @param maskedPhone for a crisis notice from a number nobody has enrolled, that number masked
 * (e.g. +1********51); null otherwise
 */
public record AttentionItem(String id, String kind, String participantId, String recipient, Integer step,
		String outcome, Instant at, Instant acknowledgedAt, String maskedPhone) {
}
