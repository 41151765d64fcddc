package org.reconnect.escalation;

/** How a participant is doing at keeping in touch, like a health check. */
public enum Responsiveness {
	/** Nothing expected of them has happened yet. */
	NEW,
	/** No missed check-in since their last sign of life. */
	ON_TIME,
	/** A delivered check-in went unanswered, inside the grace period. */
	LATE,
	/** Past the grace period, or the coach's number of missed check-ins in a row. */
	QUIET,
	/** They (or their coach) paused check-ins; nothing escalates. */
	PAUSED,
	/** They texted STOP; nothing is sent to them and nothing escalates. */
	OPTED_OUT
}
