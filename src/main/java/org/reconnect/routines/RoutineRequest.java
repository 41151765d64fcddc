package org.reconnect.routines;

/**
 * A routine as a coach sets it: its flow's recurrence, the local time it starts at in the
 * participant's zone, and whether it is on.
 *
 * @param rule an RFC 5545 rule without {@code RRULE:}, e.g. {@code FREQ=WEEKLY;BYDAY=SU}
 * @param time 24-hour HH:mm in the participant's zone, e.g. {@code 17:00}
 * @param on false to keep the routine but start nothing; absent: on
 */
public record RoutineRequest(String rule, String time, Boolean on) {
}
