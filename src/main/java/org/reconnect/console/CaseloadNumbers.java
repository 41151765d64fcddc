package org.reconnect.console;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.reconnect.coaches.Coach;
import org.reconnect.coaches.CoachAccounts;
import org.reconnect.consent.ConsentService;
import org.reconnect.messaging.SimulatorAccess;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The caseload rule for phone numbers (the phone simulator's API): a coach may use a number only
 * when everyone on it is theirs, i.e. it is the phone of their own participant (test participants
 * included: the simulator enrols them in the coach's caseload), of an ally of one, or their own,
 * and of nobody in another caseload. A supervisor may use every number.
 */
@Component
class CaseloadNumbers implements SimulatorAccess {

	private final Caseload caseload;
	private final ParticipantService participants;
	private final ConsentService consent;
	private final CoachAccounts coaches;

	CaseloadNumbers(Caseload caseload, ParticipantService participants, ConsentService consent, CoachAccounts coaches) {
		this.caseload = caseload;
		this.participants = participants;
		this.consent = consent;
		this.coaches = coaches;
	}

	@Override
	public boolean mayUse(String number, Authentication who) {
		if (caseload.isSupervisor(who)) {
			return true;
		}
		Set<String> owners = ownersOf(number);
		return owners.size() == 1 && owners.contains(who.getName());
	}

	@Override
	public Optional<Set<String>> numbersOf(Authentication who) {
		if (caseload.isSupervisor(who)) {
			return Optional.empty();
		}
		Set<String> numbers = new LinkedHashSet<>();
		for (ParticipantProfile participant : participants.caseload(who.getName())) {
			numbers.add(participant.phone());
			consent.allies(participant.id()).forEach(ally -> numbers.add(ally.phone()));
		}
		coaches.find(who.getName()).map(Coach::phone).ifPresent(numbers::add);
		numbers.removeIf(number -> number == null || !mayUse(number, who));
		return Optional.of(numbers);
	}

	/** The coaches whose caseload (or account) the number belongs to; "" for one no caseload holds any more. */
	private Set<String> ownersOf(String number) {
		Set<String> owners = new HashSet<>();
		participants.findByPhone(number).ifPresent(participant -> owners.add(participant.coach()));
		for (ParticipantId named : consent.participantsWithAllyOn(number)) {
			owners.add(participants.find(named).map(ParticipantProfile::coach).orElse(""));
		}
		coaches.findByPhone(number).forEach(coach -> owners.add(coach.username()));
		return owners;
	}
}
