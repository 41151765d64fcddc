package org.reconnect.escalation;

import java.time.Instant;

/** An alert or crisis notice as the coach sees it. */
public record AttentionItem(String id, String kind, String participantId, String allyId, String outcome, Instant at) {
}
