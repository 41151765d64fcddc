package org.reconnect.consent;

import static org.reconnect.consent.ConsentChange.DECLINED;
import static org.reconnect.consent.ConsentChange.GRANTED;
import static org.reconnect.consent.ConsentChange.REQUESTED;
import static org.reconnect.consent.ConsentChange.REVOKED;
import static org.reconnect.consent.ConsentChange.WITHDRAWN;

import java.time.Instant;
import java.util.List;

/**
 * An ally's consent as derived from their ledger entries, oldest first: the ledger is the truth,
 * this is a reading of it.
 *
 * @param change the last change that counts; null before any
 */
record ConsentState(ConsentChange change, List<AlertKind> kinds, Instant requestedAt, Instant answerBy, Instant from,
		Instant until) {

	static final ConsentState NONE = new ConsentState(null, List.of(), null, null, null, null);

	static ConsentState of(List<ConsentEntry> entries) {
		ConsentState state = NONE;
		for (ConsentEntry entry : entries) {
			state = switch (entry.change()) {
				case REQUESTED -> new ConsentState(REQUESTED, entry.kinds(), entry.at(), entry.until(), null, null);
				case GRANTED, RENEWED -> state.change == REVOKED || state.change == WITHDRAWN || state.change == DECLINED
						? state
						: new ConsentState(GRANTED, entry.kinds(), state.requestedAt, state.answerBy, entry.from(),
								entry.until());
				case DECLINED, REVOKED, WITHDRAWN -> new ConsentState(entry.change(), state.kinds, state.requestedAt,
						state.answerBy, state.from, entry.at());
				case RENEWAL_REQUESTED -> state; // informational: the consent is unchanged
			};
		}
		return state;
	}

	boolean awaitingAnswer(Instant now) {
		return change == REQUESTED && answerBy != null && now.isBefore(answerBy);
	}

	/** Consent holds now for this kind of alert: granted, begun, not ended, and covering the kind. */
	boolean covers(AlertKind kind, Instant now) {
		return change == GRANTED && from != null && !now.isBefore(from) && until != null && now.isBefore(until)
				&& kinds != null && kinds.contains(kind);
	}

	boolean granted(Instant now) {
		return change == GRANTED && until != null && now.isBefore(until);
	}

	/** As the coach reads it: NONE, REQUESTED, EXPIRED, GRANTED, LAPSED, DECLINED, REVOKED or WITHDRAWN. */
	String status(Instant now) {
		if (change == null) {
			return "NONE";
		}
		if (change == REQUESTED) {
			return awaitingAnswer(now) ? "REQUESTED" : "EXPIRED";
		}
		if (change == GRANTED) {
			return granted(now) ? "GRANTED" : "LAPSED";
		}
		return change.name();
	}
}
