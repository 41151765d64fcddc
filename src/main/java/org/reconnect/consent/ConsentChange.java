package org.reconnect.consent;

/**
 * What one line of the consent ledger records. Stored, shown (a {@link ConsentRecord}'s
 * {@code change}) and published ({@link ConsentChanged}) by name: a name, once written, stays.
 */
public enum ConsentChange {

	/** The coach or the participant named an ally, who is asked. */
	REQUESTED,
	/** The ally said yes. */
	GRANTED,
	/** The ally said no. */
	DECLINED,
	/** The consent ends soon and the ally was asked to renew it. */
	RENEWAL_REQUESTED,
	/** The ally renewed for another term. */
	RENEWED,
	/** The participant ended it (or was erased). */
	REVOKED,
	/** The ally ended it (STOP, STOP ALERTS). */
	WITHDRAWN,
	/**
	 * An ally whose consent holds was asked to agree to more ({@code kinds}: what is added, e.g.
	 * PROGRESS); what they agreed to before stays as it is whatever they answer.
	 */
	ADDITION_REQUESTED,
	/** The ally said yes to the addition: {@code kinds} is all their consent covers from now on, until it ends. */
	ADDITION_GRANTED,
	/** The ally said no to the addition: nothing else changes. */
	ADDITION_DECLINED
}
