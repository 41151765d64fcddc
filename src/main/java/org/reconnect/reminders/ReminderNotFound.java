package org.reconnect.reminders;

import org.reconnect.system.Refusal;

/** No reminder by that id for the participant. */
public class ReminderNotFound extends Refusal {

	public ReminderNotFound(String id) {
		super("problem.detail.reminder-not-found", id);
	}
}
