package org.reconnect.console.pages;

import java.util.List;

import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which participants the signed-in coach may see on the pages: their own caseload. Someone
 * else's participant is "not found", never "forbidden", so ids cannot be probed.
 */
@Component
class CoachScope {

	private final ParticipantService participants;

	CoachScope(ParticipantService participants) {
		this.participants = participants;
	}

	List<ParticipantProfile> caseload(Authentication coach) {
		return participants.caseload(coach.getName());
	}

	/** @throws PageNotFound when the participant does not exist or is not in this coach's caseload */
	ParticipantProfile owned(String id, Authentication coach) {
		return participants.find(new ParticipantId(id))
			.filter(p -> p.coach().equals(coach.getName()))
			.orElseThrow(PageNotFound::new);
	}
}
