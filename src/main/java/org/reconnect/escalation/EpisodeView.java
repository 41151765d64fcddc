package org.reconnect.escalation;

import java.time.Instant;
import java.util.List;

/** An escalation episode as the coach and a data export see it. */
public record EpisodeView(String id, String status, Instant openedAt, Instant since, Instant closedAt, String closeReason,
		List<LadderStep> ladder, List<String> stepsDone, Integer acknowledgedStep, String acknowledgedBy,
		Instant acknowledgedAt, Instant nextDueAt) {
}
