package org.reconnect.console;

/** No ally by that id with consent left to revoke for this participant. */
class AllyNotFound extends RuntimeException {

	AllyNotFound(String participant, String ally) {
		super("No ally '" + ally + "' with consent to revoke for participant '" + participant
				+ "': see GET /api/participants/" + participant + "/allies");
	}
}
