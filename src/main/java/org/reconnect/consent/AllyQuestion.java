package org.reconnect.consent;

/** The kinds of question an ally answers by text with YES or NO; at most one is open per number. */
public enum AllyQuestion {

	/** Whether they agree to be an ally at all (the invitation flow). */
	INVITATION,
	/** Whether they want good news too (the invitation flow's {@code progress-added} entry). */
	GOOD_NEWS,
	/** Whether they keep their consent for another term (the renewal prompt). */
	RENEWAL
}
