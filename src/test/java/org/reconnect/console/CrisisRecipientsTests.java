package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A crisis always reaches a person who can act: the first circle, then the supervisors, then anyone. */
class CrisisRecipientsTests {

	private static final Instant T = Instant.parse("2030-03-01T12:00:00Z");

	private static Coach coach(String name, String phone, Role role, boolean enabled) {
		return new Coach(name, "hash", phone, role.name(), T, enabled ? null : T);
	}

	private static List<String> told(List<Coach> all, String ownCoach) {
		return CoachNotifier.whoToTell(all, ownCoach).stream().map(Coach::username).toList();
	}

	@Test
	void aParticipantsCrisisGoesToTheirOwnCoach() {
		List<Coach> all = List.of(coach("ana", "+12025550101", Role.COACH, true),
				coach("sue", "+12025550102", Role.SUPERVISOR, true), coach("bo", "+12025550103", Role.COACH, true));
		assertThat(told(all, "ana")).containsExactly("ana");
	}

	@Test
	void whenTheirCoachCannotBeTextedTheSupervisorsAre() {
		List<Coach> all = List.of(coach("ana", null, Role.COACH, true), coach("cy", "+12025550104", Role.COACH, false),
				coach("sue", "+12025550102", Role.SUPERVISOR, true), coach("bo", "+12025550103", Role.COACH, true));
		assertThat(told(all, "ana")).as("no number on file").containsExactly("sue");
		assertThat(told(all, "cy")).as("account disabled").containsExactly("sue");
	}

	@Test
	void aStrangersCrisisGoesToSupervisorsAndFailingThemToEveryCoachWhoCanBeTexted() {
		List<Coach> withSupervisor = List.of(coach("ana", "+12025550101", Role.COACH, true),
				coach("sue", "+12025550102", Role.SUPERVISOR, true));
		assertThat(told(withSupervisor, null)).containsExactly("sue");
		List<Coach> noSupervisorPhone = List.of(coach("ana", "+12025550101", Role.COACH, true),
				coach("sue", null, Role.SUPERVISOR, true), coach("cy", "+12025550104", Role.COACH, false),
				coach("bo", "+12025550103", Role.COACH, true));
		assertThat(told(noSupervisorPhone, null)).containsExactly("ana", "bo");
	}
}
