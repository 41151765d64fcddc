package org.reconnect.console.pages;

import java.time.LocalDate;

/**
 * Motivation that dips, as the coach's caseload shows it: a run of low-mood answers or of missed
 * check-ins, up to the latest check-in, and the days (the participant's dates) it covers. A signal
 * for the coach only, distinct from "quiet" (no sign of life at all); never sent to allies.
 */
public record MotivationDip(Kind kind, int days, LocalDate from, LocalDate to) {

	public enum Kind {
		LOW_MOOD, MISSED;

		/** The message key of its words: "caseload.dip.low-mood". */
		public String key() {
			return "caseload.dip." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}
	}
}
