package org.reconnect.messaging;

/**
 * Why a message is sent; decides what may pass an opt-out, its place in the outbox queue, and
 * whether quiet hours and the daily cap apply.
 */
public enum Purpose {
	/** A reply to something the person just wrote: goes first, never held. */
	REPLY(true, false),
	/** A scheduled check-in question: bulk, held in quiet hours, counted against the daily cap. */
	CHECK_IN(false, true),
	/**
	 * A reminder of a meeting or appointment: time-bound, so ahead of bulk and outside the daily cap;
	 * held in quiet hours like any scheduled message (scheduling already sends it outside them).
	 */
	REMINDER(true, false),
	/**
	 * A reminder whose coach chose to send it anyway in quiet hours (the participant asked: an early
	 * shift, a 7:00 appointment): like {@link #REMINDER}, but never held for quiet hours.
	 */
	REMINDER_AT_ANY_HOUR(true, false),
	/** Crisis resources: sent at once, whatever the hour. */
	CRISIS(true, false),
	/** A request to an ally to agree to alerts: held in quiet hours. */
	CONSENT_REQUEST(true, false),
	/** An alert to an ally or a coach: ahead of bulk, but held in the recipient's quiet hours. */
	ALERT(true, false),
	/** A gentle nudge to a participant who has gone quiet: bulk, held, counted against the cap. */
	NUDGE(false, true),
	/** A short notice nobody asked for just now (a pause ended, someone is back): held in quiet hours. */
	NOTICE(true, false),
	/**
	 * A coach's own words to a participant, written in the console: ahead of bulk, held in the
	 * participant's quiet hours like any message that can wait.
	 */
	COACH(true, false),
	/** A coach's message the coach marked urgent: it goes at once, even in quiet hours. */
	COACH_URGENT(true, false),
	/** The one confirmation after STOP; the only message that passes an opt-out. */
	OPT_OUT_CONFIRMATION(true, false);

	private final boolean urgent;
	private final boolean scheduled;

	Purpose(boolean urgent, boolean scheduled) {
		this.urgent = urgent;
		this.scheduled = scheduled;
	}

	/** 0 goes ahead of 1: replies, crisis responses and alerts before bulk check-ins. */
	int priority() {
		return urgent ? 0 : 1;
	}

	/** Scheduled messages count against the daily cap per recipient. */
	boolean scheduled() {
		return scheduled;
	}

	/** Crisis responses and immediate replies are never held for quiet hours. */
	boolean heldInQuietHours() {
		return this != REPLY && this != CRISIS && this != OPT_OUT_CONFIRMATION && this != COACH_URGENT
				&& this != REMINDER_AT_ANY_HOUR;
	}
}
