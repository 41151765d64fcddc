package org.reconnect.console;

import java.util.List;

import org.reconnect.coaches.Coach;
import org.reconnect.coaches.CoachAccounts;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.system.InvalidInput;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * A supervisor moves a participant, or a coach's whole caseload, to another coach (cover for a
 * coach who is away, and back). Coaches who are not supervisors cannot: 403. The audit records who
 * did it (escalation hears {@code ParticipantReassigned}).
 */
@Service
public class Reassignments {

	private final Caseload caseload;
	private final ParticipantService participants;
	private final CoachAccounts coaches;

	Reassignments(Caseload caseload, ParticipantService participants, CoachAccounts coaches) {
		this.caseload = caseload;
		this.participants = participants;
		this.coaches = coaches;
	}

	/**
	 * @throws AccessDeniedException when {@code who} is not a supervisor
	 * @throws InvalidInput naming {@code coach} when there is no such enabled coach account
	 */
	public ParticipantProfile reassign(String participantId, String toCoach, Authentication who) {
		requireSupervisor(who);
		ParticipantProfile participant = caseload.require(participantId, who);
		return participants.reassign(participant.id(), enabledCoach("coach", toCoach), by(who));
	}

	/**
	 * Moves every participant of {@code fromCoach} to {@code toCoach}.
	 *
	 * @return the participants moved
	 */
	public List<ParticipantProfile> reassignCaseload(String fromCoach, String toCoach, Authentication who) {
		requireSupervisor(who);
		String from = fromCoach == null ? "" : fromCoach.trim();
		if (coaches.find(from).isEmpty()) {
			throw InvalidInput.of("from", "problem.reassign.from", from);
		}
		String to = enabledCoach("to", toCoach);
		if (from.equals(to)) {
			throw InvalidInput.of("to", "problem.reassign.same");
		}
		return participants.reassignCaseload(from, to, by(who));
	}

	/** The coach accounts a participant can be moved to, by username. */
	public List<String> enabledCoaches() {
		return coaches.all().stream().filter(CoachAccounts.CoachView::enabled).map(CoachAccounts.CoachView::username).sorted().toList();
	}

	private String enabledCoach(String field, String username) {
		String wanted = username == null ? "" : username.trim();
		if (coaches.find(wanted).filter(Coach::enabled).isEmpty()) {
			throw InvalidInput.of(field, "problem.reassign.not-enabled", wanted);
		}
		return wanted;
	}

	private void requireSupervisor(Authentication who) {
		if (!caseload.isSupervisor(who)) {
			throw new AccessDeniedException("Only a supervisor can move participants between coaches");
		}
	}

	private static String by(Authentication who) {
		return "coach:" + who.getName();
	}
}
