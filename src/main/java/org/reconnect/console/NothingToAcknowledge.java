package org.reconnect.console;

/** The participant has no open escalation episode, so there is nothing to acknowledge. */
class NothingToAcknowledge extends RuntimeException {

	NothingToAcknowledge(String id) {
		super("Participant '" + id + "' has no escalation under way: nothing to acknowledge. "
				+ "See GET /api/participants/" + id + "/responsiveness");
	}
}
