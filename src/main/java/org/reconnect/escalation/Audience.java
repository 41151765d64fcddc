package org.reconnect.escalation;

/** Who a step of the escalation ladder reaches. */
public enum Audience {
	/** The participant themselves: a gentle nudge. */
	PARTICIPANT,
	/** Their peer coach, by SMS when the coach has a number, always in the attention list. */
	COACH,
	/** Every ally whose consent covers the alert at the moment it is sent. */
	ALLIES
}
