package org.reconnect.coaches;

/** What a coach account may see: its own caseload, or every caseload and the coach accounts. */
public enum Role {

	COACH, SUPERVISOR;

	/** The authority Spring Security checks with {@code hasRole(name())}. */
	public String authority() {
		return "ROLE_" + name();
	}
}
