package org.reconnect.participants;

import org.reconnect.system.Refusal;

/**
 * The phone number already belongs to an enrolled participant. It names them and their coach for
 * the caller to decide what the person enrolling may be told (another caseload is not theirs to
 * know about); the message itself names neither.
 */
public class ParticipantAlreadyEnrolled extends Refusal {

	private final transient ParticipantId existing;
	private final String coach;

	public ParticipantAlreadyEnrolled(ParticipantId existing, String coach) {
		super("problem.detail.already-enrolled");
		this.existing = existing;
		this.coach = coach;
	}

	/** The participant on the number; null when the store did not say (two enrolments at once). */
	public ParticipantId existing() {
		return existing;
	}

	/** Whose caseload they are in; null when not known. */
	public String coach() {
		return coach;
	}
}
