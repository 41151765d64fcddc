package org.reconnect.participants;

/** The phone number already belongs to an enrolled participant. */
public class ParticipantAlreadyEnrolled extends RuntimeException {

	public ParticipantAlreadyEnrolled() {
		super("A participant with this phone number is already enrolled: open their profile instead of enrolling again.");
	}
}
