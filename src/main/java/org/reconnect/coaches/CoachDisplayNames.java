package org.reconnect.coaches;

import org.reconnect.participants.CoachNames;
import org.springframework.stereotype.Component;

/** Answers the name participants read for a coach, from their account. */
@Component
class CoachDisplayNames implements CoachNames {

	private final Coaches coaches;

	CoachDisplayNames(Coaches coaches) {
		this.coaches = coaches;
	}

	@Override
	public String nameParticipantsRead(String coach) {
		return coach == null ? null : coaches.findById(coach).map(Coach::nameParticipantsRead).orElse(coach);
	}
}
