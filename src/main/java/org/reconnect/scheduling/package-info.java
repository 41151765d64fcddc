/**
 * When things happen: check-in slots, the sweep of deadlines and escalation steps, and the due-work
 * plug-in point ({@link org.reconnect.scheduling.TimedWork}, fired by the minute) that reminders
 * use, as Quartz triggers derived from the definitions kept in MongoDB. Quartz owns when; MongoDB
 * owns who is due.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "participants", "flows", "escalation",
		"messaging" })
package org.reconnect.scheduling;
