package org.reconnect.console;

/**
 * No participant by that id in the asking coach's caseload (someone else's looks the same, so a
 * coach cannot learn that an id exists). The API answers 404; the console pages show their 404.
 */
public class ParticipantNotFound extends RuntimeException {

	public ParticipantNotFound(String id) {
		super("No participant '" + id + "' in your caseload: check the id, e.g. from GET /api/participants");
	}
}
