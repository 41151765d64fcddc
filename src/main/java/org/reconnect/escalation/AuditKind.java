package org.reconnect.escalation;

import org.reconnect.consent.ConsentChange;

/**
 * What an audit log line records. Stored and shown ({@link AuditView#kind()}) by name: a name, once
 * written, stays, or older lines would no longer read.
 */
public enum AuditKind {

	/** A check-in was delivered and went unanswered past its deadline. */
	CHECK_IN_MISSED,
	/** The first missed check-in since the last sign of life opened an escalation episode. */
	EPISODE_OPENED,
	/** A step of the ladder fell due. */
	STEP_DUE,
	/** The ladder stopped before a step: someone had acknowledged. */
	STEP_STOPPED,
	/** An alert went (or was raised to the coach instead). */
	ALERT,
	/** An alert of a due step was not sent (no consent, quiet hours, ...). */
	ALERT_SKIPPED,
	/** An alert sent was reported undelivered. */
	ALERT_UNDELIVERED,
	/** A coach was told by SMS or e-mail. */
	COACH_NOTIFIED,
	/** Someone has the alert or notice in hand. */
	ACKNOWLEDGED,
	/** The participant was heard from while an episode was open. */
	SIGN_OF_LIFE,
	/** An escalation episode ended. */
	EPISODE_CLOSED,
	/** A message with crisis language. */
	CRISIS,
	PAUSED,
	RESUMED,
	/** The participant texted STOP. */
	OPTED_OUT,
	/** The participant texted START. */
	OPTED_IN,
	/** The coach set a personal ladder. */
	LADDER_SET,
	PROFILE_CHANGED,
	/** The participant moved to another coach. */
	REASSIGNED,
	/** The participant's personal data was erased. */
	ERASED,
	/** A line of the consent ledger, one kind per {@link ConsentChange}, named CONSENT_ and the change. */
	CONSENT_REQUESTED,
	CONSENT_GRANTED,
	CONSENT_DECLINED,
	CONSENT_RENEWAL_REQUESTED,
	CONSENT_RENEWED,
	CONSENT_REVOKED,
	CONSENT_WITHDRAWN,
	CONSENT_ADDITION_REQUESTED,
	CONSENT_ADDITION_GRANTED,
	CONSENT_ADDITION_DECLINED;

	/** The kind that records a change to an ally's consent (a new change fails to compile here until it has one). */
	static AuditKind of(ConsentChange change) {
		return switch (change) {
			case REQUESTED -> CONSENT_REQUESTED;
			case GRANTED -> CONSENT_GRANTED;
			case DECLINED -> CONSENT_DECLINED;
			case RENEWAL_REQUESTED -> CONSENT_RENEWAL_REQUESTED;
			case RENEWED -> CONSENT_RENEWED;
			case REVOKED -> CONSENT_REVOKED;
			case WITHDRAWN -> CONSENT_WITHDRAWN;
			case ADDITION_REQUESTED -> CONSENT_ADDITION_REQUESTED;
			case ADDITION_GRANTED -> CONSENT_ADDITION_GRANTED;
			case ADDITION_DECLINED -> CONSENT_ADDITION_DECLINED;
		};
	}
}
