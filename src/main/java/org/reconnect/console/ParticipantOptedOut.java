package org.reconnect.console;

/** The participant texted STOP: a coach's message cannot go to them (409). */
public class ParticipantOptedOut extends RuntimeException {

	public ParticipantOptedOut(String id) {
		super("Participant '" + id + "' texted STOP: nothing was sent. Only they can start messages again, by "
				+ "texting START");
	}
}
