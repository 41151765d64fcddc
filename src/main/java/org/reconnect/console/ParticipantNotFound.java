package org.reconnect.console;

import org.reconnect.system.Refusal;

/**
 * No participant by that id in the asking coach's caseload (someone else's looks the same, so a
 * coach cannot learn that an id exists). The API answers 404; the console pages show their 404.
 */
public class ParticipantNotFound extends Refusal {

	public ParticipantNotFound(String id) {
		super("problem.detail.participant-not-found", id);
	}
}
