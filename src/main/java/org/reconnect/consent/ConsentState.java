package org.reconnect.consent;

import static org.reconnect.consent.ConsentChange.DECLINED;
import static org.reconnect.consent.ConsentChange.GRANTED;
import static org.reconnect.consent.ConsentChange.REQUESTED;
import static org.reconnect.consent.ConsentChange.REVOKED;
import static org.reconnect.consent.ConsentChange.WITHDRAWN;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/**
 * An ally's consent as derived from their ledger entries, oldest first: the ledger is the truth,
 * this is a reading of it.
 *
 * @param change the last change that counts; null before any
 * @param adding what the consent was last asked to add (ADDITION_REQUESTED) and whether that was
 * answered; null when nothing was asked since the last request. It never changes what the consent
 * covers until the ally's own yes (ADDITION_GRANTED).
 */
record ConsentState(ConsentChange change, List<AlertKind> kinds, Instant requestedAt, Instant answerBy, Instant from,
		Instant until, Addition adding) {

	static final ConsentState NONE = new ConsentState(null, List.of(), null, null, null, null, null);

	/** What a consent in force was asked to add, asked when, to be answered by when, and whether it was. */
	record Addition(List<AlertKind> kinds, Instant requestedAt, Instant answerBy, boolean answered) {

		Addition answer() {
			return new Addition(kinds, requestedAt, answerBy, true);
		}
	}

	static ConsentState of(List<ConsentEntry> entries) {
		ConsentState state = NONE;
		for (ConsentEntry entry : entries) {
			state = switch (entry.change()) {
				case REQUESTED -> new ConsentState(REQUESTED, entry.kinds(), entry.at(), entry.until(), null, null, null);
				case GRANTED, RENEWED -> state.change == REVOKED || state.change == WITHDRAWN || state.change == DECLINED
						? state
						: new ConsentState(GRANTED, entry.kinds(), state.requestedAt, state.answerBy, entry.from(),
								entry.until(), state.adding);
				case DECLINED, REVOKED, WITHDRAWN -> new ConsentState(entry.change(), state.kinds, state.requestedAt,
						state.answerBy, state.from, entry.at(), state.adding);
				case RENEWAL_REQUESTED -> state; // informational: the consent is unchanged
				case ADDITION_REQUESTED -> state.change == GRANTED ? state.asking(new Addition(entry.kinds(), entry.at(),
						entry.until(), false)) : state;
				// the consent's term and what it covered before stay; only the yes adds what was asked
				case ADDITION_GRANTED -> state.change == GRANTED ? new ConsentState(GRANTED, covering(state.kinds,
						entry.kinds()), state.requestedAt, state.answerBy, state.from, state.until, state.answered()) : state;
				case ADDITION_DECLINED -> state.asking(state.answered());
			};
		}
		return state;
	}

	private Addition answered() {
		return adding == null ? null : adding.answer();
	}

	private ConsentState asking(Addition addition) {
		return new ConsentState(change, kinds, requestedAt, answerBy, from, until, addition);
	}

	private static List<AlertKind> covering(List<AlertKind> before, List<AlertKind> added) {
		EnumSet<AlertKind> all = EnumSet.noneOf(AlertKind.class);
		all.addAll(before == null ? List.of() : before);
		all.addAll(added == null ? List.of() : added);
		return List.copyOf(all);
	}

	boolean awaitingAnswer(Instant now) {
		return change == REQUESTED && answerBy != null && now.isBefore(answerBy);
	}

	/** An addition was asked of a consent still in force, and its time to answer has not passed. */
	boolean awaitingAdditionAnswer(Instant now) {
		return granted(now) && adding != null && !adding.answered() && adding.answerBy() != null
				&& now.isBefore(adding.answerBy());
	}

	/** What the ally is being asked to add now; empty when nothing awaits their answer. */
	List<AlertKind> asking(Instant now) {
		return awaitingAdditionAnswer(now) ? adding.kinds() : List.of();
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
