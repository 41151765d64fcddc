/**
 * When things happen: check-in slots, meeting and appointment reminders, and the sweep of
 * deadlines and escalation steps, as Quartz triggers derived from the definitions kept in MongoDB.
 * Quartz owns when; MongoDB owns who is due.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "participants", "flows", "escalation",
		"messaging" })
package org.reconnect.scheduling;
