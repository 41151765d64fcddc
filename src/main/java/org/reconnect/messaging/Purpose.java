package org.reconnect.messaging;

/** Why a message is sent; decides what may pass an opt-out. */
public enum Purpose {
	/** A reply to something the person just wrote. */
	REPLY,
	/** A scheduled check-in question. */
	CHECK_IN,
	/** Crisis resources: sent at once, whatever the hour. */
	CRISIS,
	/** A request to an ally to agree to alerts. */
	CONSENT_REQUEST,
	/** An alert to an ally or a coach. */
	ALERT,
	/** A gentle nudge to a participant who has gone quiet. */
	NUDGE,
	/** A short notice nobody asked for just now: a pause ended, someone is back in touch. */
	NOTICE,
	/** The one confirmation after STOP; the only message that passes an opt-out. */
	OPT_OUT_CONFIRMATION
}
