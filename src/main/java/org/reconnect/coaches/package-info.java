/**
 * Coach and supervisor accounts: who they are, their roles, how they are reached (SMS, e-mail,
 * quiet hours) and the first account; answers escalation's {@code StaffDirectory} and delivers its
 * notices and alerts to staff. The console signs them in and shows their screens.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "participants", "messaging", "flows",
		"escalation" })
package org.reconnect.coaches;
