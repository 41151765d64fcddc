package org.reconnect.console;

import org.reconnect.system.Refusal;

/** The participant texted STOP: a coach's message cannot go to them (409). */
public class ParticipantOptedOut extends Refusal {

	public ParticipantOptedOut(String id) {
		super("problem.detail.opted-out", id);
	}
}
