/**
 * When things happen: check-in slots and the sweep of deadlines and escalation steps, as Quartz triggers derived from
 * the schedules kept in MongoDB. Quartz owns when; MongoDB owns who is due.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "participants", "flows", "escalation" })
package org.reconnect.scheduling;
