/**
 * The coaches' surface: accounts and sign-in, the REST API over the other modules, and the
 * delivery of notices to the coach.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "participants", "messaging",
		"flows", "scheduling", "reminders", "routines", "consent", "escalation", "transcripts", "coaches", "simulator", "progress" })
package org.reconnect.console;
