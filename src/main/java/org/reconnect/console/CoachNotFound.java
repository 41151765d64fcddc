package org.reconnect.console;

/** No coach account by that username. */
class CoachNotFound extends RuntimeException {

	CoachNotFound(String username) {
		super("No coach account '" + username + "': see GET /api/coaches");
	}
}
