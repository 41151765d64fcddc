package org.reconnect.consent;

/** The exact kinds of alert an ally can agree to; a consent names the ones it covers. */
public enum AlertKind {
	/** The participant has gone quiet: not checked in since a day. */
	MISSED_CHECK_INS,
	/** A short note that the participant is back in touch, after an alert. */
	BACK_IN_TOUCH,
	/** The participant wrote in crisis; only when the participant asked for this specifically. */
	CRISIS,
	/**
	 * Good news: a short note at a milestone the participant chose to share. Asked for only when the
	 * participant wants it, and agreed to by name: holding another kind never covers it.
	 */
	PROGRESS
}
