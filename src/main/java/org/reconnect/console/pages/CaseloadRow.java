package org.reconnect.console.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.reconnect.escalation.Responsiveness;

/**
 * One line of the caseload: how the participant is doing and what needs the coach.
 *
 * @param lastHeard their last sign of life (a message or an answer), null if never
 * @param streak daily check-ins answered in a row, newest first
 * @param nextContact the next check-in or reminder, whichever comes first
 * @param openAlerts alerts of an open, unacknowledged escalation plus unacknowledged crisis notices
 * @param crisis an unacknowledged crisis notice
 * @param dip motivation that dips (a run of low-mood answers or missed check-ins), or null
 */
public record CaseloadRow(String id, String name, ZoneId zone, Responsiveness state, Instant lastHeard, int streak,
		Instant nextContact, int openAlerts, boolean crisis, MotivationDip dip) {

	public CaseloadRow(String id, String name, ZoneId zone, Responsiveness state, Instant lastHeard, int streak,
			Instant nextContact, int openAlerts, boolean crisis) {
		this(id, name, zone, state, lastHeard, streak, nextContact, openAlerts, crisis, null);
	}

	/** Lower comes first: crisis, then open alerts, quiet, late, new, on time, paused, opted out. */
	public int attentionRank() {
		if (crisis) {
			return 0;
		}
		if (openAlerts > 0) {
			return 1;
		}
		return switch (state) {
			case QUIET -> 2;
			case LATE -> 3;
			case NEW -> 4;
			case ON_TIME -> 5;
			case PAUSED -> 6;
			case OPTED_OUT -> 7;
		};
	}

	public boolean needsAttention() {
		return attentionRank() <= 3;
	}

	/** The message key of the state's words: "words.state.ON_TIME". */
	public String stateKey() {
		return key(state);
	}

	public static String key(Responsiveness state) {
		return "words.state." + state.name();
	}

	/** The state's CSS class: "state-on-time". */
	public String stateClass() {
		return cssClass(state);
	}

	public static String cssClass(Responsiveness state) {
		return "state-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}
}
