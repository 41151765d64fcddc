package org.reconnect.escalation;

import java.util.List;

/** Everything the escalation module holds about one participant, for a data export. */
public record EscalationRecords(ResponsivenessView responsiveness, List<EpisodeView> episodes,
		List<AttentionItem> alerts, List<AuditView> audit) {
}
