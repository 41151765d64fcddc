package org.reconnect.console;

import org.reconnect.system.Refusal;

/** No ally by that id with consent left to revoke for this participant. */
class AllyNotFound extends Refusal {

	AllyNotFound(String participant, String ally) {
		super("problem.detail.ally-not-found", participant, ally);
	}
}
