/**
 * What happens when someone goes quiet or writes in crisis: alerts to consented allies for a
 * missed check-in, crisis resources at once, and the coach told.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "participants", "messaging",
		"flows", "consent" })
package org.reconnect.escalation;
