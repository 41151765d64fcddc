package org.reconnect.coaches;

import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import org.reconnect.escalation.StaffDirectory;
import org.springframework.stereotype.Component;

/** Tells escalation who hears the coach step and each staff member's own zone and quiet hours. */
@Component
class CoachDirectory implements StaffDirectory {

	private final Coaches coaches;
	private final StaffMail mail;

	CoachDirectory(Coaches coaches, StaffMail mail) {
		this.coaches = coaches;
		this.mail = mail;
	}

	@Override
	public List<String> coachStepRecipients(String coach) {
		return StaffRecipients.forCoach(all(), coach, mail.available()).stream().map(Coach::username).toList();
	}

	@Override
	public Hours hoursOf(String username) {
		return coaches.findById(username).map(coach -> new Hours(coach.zoneId(), coach.quietHours())).orElse(null);
	}

	Optional<Coach> find(String username) {
		return coaches.findById(username);
	}

	List<Coach> all() {
		return StreamSupport.stream(coaches.findAll().spliterator(), false).toList();
	}
}
