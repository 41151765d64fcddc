package org.reconnect.console;

/** No participant by that id in the asking coach's caseload (someone else's looks the same). */
class ParticipantNotFound extends RuntimeException {

	ParticipantNotFound(String id) {
		super("No participant '" + id + "' in your caseload: check the id, e.g. from GET /api/participants");
	}
}
