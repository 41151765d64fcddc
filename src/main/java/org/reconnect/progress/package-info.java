/**
 * Progress recognised: the days a participant checked in and reached out to someone, the
 * milestones that earns them (one kind sentence, at most one a day), the concrete week behind the
 * reflection's {@code {progress}}, and good-news notes to the allies who agreed to PROGRESS at the
 * milestones the participant chose to share. Fed by the flows' events; its notes are due work of
 * scheduling's sweep ({@code TimedWork}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "participants", "messaging", "flows",
		"consent", "escalation", "scheduling" })
package org.reconnect.progress;
