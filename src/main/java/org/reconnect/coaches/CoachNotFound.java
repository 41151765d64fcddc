package org.reconnect.coaches;

/** No coach account by that username. */
public class CoachNotFound extends RuntimeException {

	CoachNotFound(String username) {
		super("No coach account '" + username + "': see GET /api/coaches");
	}
}
