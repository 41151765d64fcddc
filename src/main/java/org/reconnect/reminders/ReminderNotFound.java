package org.reconnect.reminders;

/** No reminder by that id for the participant. */
public class ReminderNotFound extends RuntimeException {

	public ReminderNotFound(String id) {
		super("No reminder '" + id + "' for this participant: check the id, e.g. from GET /api/participants/{id}/reminders");
	}
}
