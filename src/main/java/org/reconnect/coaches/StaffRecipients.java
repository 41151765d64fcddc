package org.reconnect.coaches;

import java.util.List;

/**
 * Who on the staff is told what: only people who may open what they are told of, that is the
 * participant's own coach and the supervisors (who see every caseload); never another coach.
 * Someone can be reached when their account is enabled and they have a phone on file, or an
 * e-mail address while mail is set up.
 */
final class StaffRecipients {

	private StaffRecipients() {
	}

	/**
	 * Who hears of a crisis: {@code first} at once (the participant's coach; for a number nobody has
	 * enrolled, the supervisors), and {@code fallback} as well whenever no SMS to the first reached
	 * anyone (the supervisors not already first).
	 */
	record Circles(List<Coach> first, List<Coach> fallback) {
	}

	/** @param ownCoach the participant's coach; null for a number nobody has enrolled */
	static Circles forCrisis(List<Coach> all, String ownCoach, boolean mail) {
		List<Coach> supervisors = supervisors(all, mail);
		if (ownCoach == null) {
			return new Circles(supervisors, List.of());
		}
		List<Coach> first = all.stream()
			.filter(coach -> coach.username().equals(ownCoach) && reachable(coach, mail))
			.toList();
		return new Circles(first,
				supervisors.stream().filter(supervisor -> !supervisor.username().equals(ownCoach)).toList());
	}

	/**
	 * Who hears an alert or a request meant for the coach: the coach when they can be reached, else
	 * the supervisors who can; when nobody can, the coach still (it waits in the alerts inbox).
	 */
	static List<Coach> forCoach(List<Coach> all, String coach, boolean mail) {
		List<Coach> own = all.stream().filter(c -> c.username().equals(coach) && reachable(c, mail)).toList();
		if (!own.isEmpty()) {
			return own;
		}
		List<Coach> supervisors = supervisors(all, mail);
		return supervisors.isEmpty() ? all.stream().filter(c -> c.username().equals(coach)).toList() : supervisors;
	}

	static boolean reachable(Coach coach, boolean mail) {
		return coach.enabled() && (coach.phone() != null || mail && coach.email() != null);
	}

	private static List<Coach> supervisors(List<Coach> all, boolean mail) {
		return all.stream().filter(Coach::supervisor).filter(c -> reachable(c, mail)).toList();
	}
}
