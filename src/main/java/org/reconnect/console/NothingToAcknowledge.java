package org.reconnect.console;

import org.reconnect.system.Refusal;

/** The participant has no open escalation episode, so there is nothing to acknowledge. */
class NothingToAcknowledge extends Refusal {

	NothingToAcknowledge(String id) {
		super("problem.detail.nothing-to-acknowledge", id);
	}
}
