package org.reconnect.coaches;

import java.util.stream.StreamSupport;

import org.springframework.stereotype.Component;

/**
 * Whether crisis notices can reach a person, for the console to say so: a notice from a number
 * nobody has enrolled, or about a participant whose coach cannot be texted, goes to the
 * supervisors, and reaches nobody when none of them has a phone or an e-mail that can be used.
 */
@Component
public class CrisisReach {

	private final Coaches coaches;
	private final StaffMail mail;

	CrisisReach(Coaches coaches, StaffMail mail) {
		this.coaches = coaches;
		this.mail = mail;
	}

	/** At least one enabled supervisor can be reached by SMS or e-mail. */
	public boolean supervisorsReachable() {
		boolean withMail = mail.available();
		return StreamSupport.stream(coaches.findAll().spliterator(), false)
			.anyMatch(coach -> coach.supervisor() && StaffRecipients.reachable(coach, withMail));
	}

	/** The account can be reached by SMS or e-mail. */
	public boolean reachable(String username) {
		boolean withMail = mail.available();
		return coaches.findById(username).map(coach -> StaffRecipients.reachable(coach, withMail)).orElse(false);
	}
}
