/**
 * Routines a coach schedules: a flow made to come back ({@code routine: true} in its file: the weekly
 * reflection, small steps, one the organisation writes) started on an RFC 5545 recurrence in the participant's zone, for one participant or a
 * whole caseload; the weekly reflection on by default at enrolment. The recurrence and its plain
 * words are the reminders' ({@code Recurrences}); the start is handed off through
 * {@code system.handoff.DueClaims} and fired by scheduling's {@code TimedWork} minute triggers,
 * with quiet hours, the late limit after downtime, and the flow's own {@code when_busy} policy
 * and the outbox's daily cap applied by the flows and messaging modules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "participants", "flows", "scheduling",
		"reminders" })
package org.reconnect.routines;
