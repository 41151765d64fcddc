package org.reconnect.coaches;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.reconnect.coaches.Coach;
import org.reconnect.coaches.Role;
import org.junit.jupiter.api.Test;

/**
 * A crisis reaches people who may open the notice, and only them: the participant's coach, then
 * the supervisors; never another coach, however reachable. The same for what is meant for the coach.
 */
class CrisisRecipientsTests {

	private static final Instant T = Instant.parse("2030-03-01T12:00:00Z");

	private static Coach coach(String name, String phone, Role role, boolean enabled) {
		return coach(name, phone, null, role, enabled);
	}

	private static Coach coach(String name, String phone, String email, Role role, boolean enabled) {
		return new Coach(name, "hash", phone, role.name(), T, enabled ? null : T).withContact(phone, email, null, null);
	}

	private static List<String> first(List<Coach> all, String ownCoach, boolean mail) {
		return names(StaffRecipients.forCrisis(all, ownCoach, mail).first());
	}

	private static List<String> fallback(List<Coach> all, String ownCoach, boolean mail) {
		return names(StaffRecipients.forCrisis(all, ownCoach, mail).fallback());
	}

	private static List<String> names(List<Coach> coaches) {
		return coaches.stream().map(Coach::username).toList();
	}

	@Test
	void aParticipantsCrisisGoesToTheirOwnCoachWithTheSupervisorsBehind() {
		List<Coach> all = List.of(coach("ana", "+12025550101", Role.COACH, true),
				coach("sue", "+12025550102", Role.SUPERVISOR, true), coach("bo", "+12025550103", Role.COACH, true));
		assertThat(first(all, "ana", false)).containsExactly("ana");
		assertThat(fallback(all, "ana", false)).containsExactly("sue");
	}

	@Test
	void whenTheirCoachCannotBeReachedOnlyTheSupervisorsAre() {
		List<Coach> all = List.of(coach("ana", null, Role.COACH, true), coach("cy", "+12025550104", Role.COACH, false),
				coach("sue", "+12025550102", Role.SUPERVISOR, true), coach("bo", "+12025550103", Role.COACH, true));
		assertThat(first(all, "ana", true)).as("no number or address on file").isEmpty();
		assertThat(fallback(all, "ana", true)).containsExactly("sue");
		assertThat(first(all, "cy", true)).as("account disabled").isEmpty();
		assertThat(fallback(all, "cy", true)).containsExactly("sue");
	}

	@Test
	void noCoachOutsideTheCaseloadIsEverToldEvenWhenNobodyElseCanBe() {
		// Neither Ana (the participant's coach) nor the supervisor has a phone; Bo has one, and is
		// not Ana's participant's coach: he cannot even open the notice, so he is not told.
		List<Coach> all = List.of(coach("ana", null, Role.COACH, true), coach("sue", null, Role.SUPERVISOR, true),
				coach("bo", "+12025550103", Role.COACH, true));
		assertThat(first(all, "ana", false)).isEmpty();
		assertThat(fallback(all, "ana", false)).isEmpty();
		assertThat(first(all, null, false)).as("a number nobody enrolled").isEmpty();
		assertThat(fallback(all, null, false)).isEmpty();
		assertThat(names(StaffRecipients.forCoach(all, "ana", false))).as("the ladder's coach step").containsExactly("ana");
	}

	@Test
	void anEmailAddressCountsOnlyWhileMailIsSetUp() {
		List<Coach> all = List.of(coach("ana", null, "ana@example.org", Role.COACH, true),
				coach("sue", null, "sue@example.org", Role.SUPERVISOR, true));
		assertThat(first(all, "ana", true)).containsExactly("ana");
		assertThat(fallback(all, "ana", true)).containsExactly("sue");
		assertThat(first(all, "ana", false)).isEmpty();
		assertThat(fallback(all, "ana", false)).isEmpty();
	}

	@Test
	void aStrangersCrisisGoesToTheSupervisorsOnly() {
		List<Coach> all = List.of(coach("ana", "+12025550101", Role.COACH, true),
				coach("sue", "+12025550102", Role.SUPERVISOR, true), coach("al", null, Role.SUPERVISOR, true),
				coach("cy", "+12025550104", Role.SUPERVISOR, false));
		assertThat(first(all, null, false)).containsExactly("sue");
		assertThat(fallback(all, null, false)).isEmpty();
	}

	@Test
	void whatIsMeantForTheCoachGoesToTheCoachElseTheSupervisors() {
		List<Coach> all = List.of(coach("ana", "+12025550101", Role.COACH, true), coach("cy", null, Role.COACH, true),
				coach("sue", null, "sue@example.org", Role.SUPERVISOR, true), coach("bo", "+12025550103", Role.COACH, true));
		assertThat(names(StaffRecipients.forCoach(all, "ana", true))).containsExactly("ana");
		assertThat(names(StaffRecipients.forCoach(all, "cy", true))).containsExactly("sue");
		assertThat(names(StaffRecipients.forCoach(all, "cy", false))).as("nobody else: it waits for Cy in the inbox")
			.containsExactly("cy");
	}
}
