package org.reconnect.console;

import org.reconnect.system.Refusal;

/** No ally by that id with consent left to revoke for this participant, or none by that id at all. */
class AllyNotFound extends Refusal {

	AllyNotFound(String participant, String ally) {
		this("problem.detail.ally-not-found", participant, ally);
	}

	private AllyNotFound(String code, String participant, String ally) {
		super(code, participant, ally);
	}

	/** No ally by that id for this participant at all. */
	static AllyNotFound unknown(String participant, String ally) {
		return new AllyNotFound("problem.detail.ally-unknown", participant, ally);
	}
}
