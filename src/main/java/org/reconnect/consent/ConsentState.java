package org.reconnect.consent;

import java.time.Instant;
import java.util.List;

/**
 * An ally's consent as derived from their ledger entries, oldest first: the ledger is the truth,
 * this is a reading of it.
 */
record ConsentState(String change, List<AlertKind> kinds, Instant requestedAt, Instant answerBy, Instant from,
		Instant until) {

	static final ConsentState NONE = new ConsentState("NONE", List.of(), null, null, null, null);

	static ConsentState of(List<ConsentEntry> entries) {
		ConsentState state = NONE;
		for (ConsentEntry entry : entries) {
			state = switch (entry.change()) {
				case "REQUESTED" -> new ConsentState("REQUESTED", entry.kinds(), entry.at(), entry.until(), null, null);
				case "GRANTED", "RENEWED" -> state.change.equals("REVOKED") || state.change.equals("WITHDRAWN")
						|| state.change.equals("DECLINED") ? state
								: new ConsentState("GRANTED", entry.kinds(), state.requestedAt, state.answerBy, entry.from(),
										entry.until());
				case "DECLINED", "REVOKED", "WITHDRAWN" -> new ConsentState(entry.change(), state.kinds, state.requestedAt,
						state.answerBy, state.from, entry.at());
				default -> state; // RENEWAL_REQUESTED and anything informational change nothing
			};
		}
		return state;
	}

	boolean awaitingAnswer(Instant now) {
		return change.equals("REQUESTED") && answerBy != null && now.isBefore(answerBy);
	}

	/** Consent holds now for this kind of alert: granted, begun, not ended, and covering the kind. */
	boolean covers(AlertKind kind, Instant now) {
		return change.equals("GRANTED") && from != null && !now.isBefore(from) && until != null && now.isBefore(until)
				&& kinds != null && kinds.contains(kind);
	}

	boolean granted(Instant now) {
		return change.equals("GRANTED") && until != null && now.isBefore(until);
	}

	String status(Instant now) {
		if (change.equals("REQUESTED")) {
			return awaitingAnswer(now) ? "REQUESTED" : "EXPIRED";
		}
		if (change.equals("GRANTED")) {
			return granted(now) ? "GRANTED" : "LAPSED";
		}
		return change;
	}
}
