package org.reconnect.console.pages;

import java.util.List;

import org.reconnect.console.Caseload;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which participants the signed-in coach may see on the pages, by the console's {@link Caseload}:
 * their own caseload (a supervisor: everyone). Someone else's participant is "not found", never
 * "forbidden", so ids cannot be probed.
 */
@Component
class CoachScope {

	private final Caseload caseload;

	CoachScope(Caseload caseload) {
		this.caseload = caseload;
	}

	List<ParticipantProfile> caseload(Authentication coach) {
		return caseload.visibleTo(coach);
	}

	boolean isSupervisor(Authentication coach) {
		return caseload.isSupervisor(coach);
	}

	/** Enrols into the coach's caseload, by the caseload rule's answers ({@link Caseload#enrol}). */
	ParticipantProfile enrol(EnrolParticipant request, Authentication coach) {
		return caseload.enrol(request, coach);
	}

	/** @throws org.reconnect.console.ParticipantNotFound shown as the 404 page by {@link PageErrors} */
	ParticipantProfile owned(String id, Authentication coach) {
		return caseload.require(id, coach);
	}
}
