package org.reconnect.routines;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Routines: the late rule after downtime and the weekly reflection every enrolment gets.
 *
 * @param lateLimit a start that could not happen at its time (the service was down) happens late
 * up to this long after it was due, once, and is skipped after that
 * @param reflectionAtEnrolment whether every new participant gets the weekly reflection routine
 * (a coach can turn it off for one person)
 * @param reflectionFlow the flow of that routine
 * @param reflectionDay the day of the week it starts, in the participant's zone
 * @param reflectionTime the local time it starts, in the participant's zone
 * @param reflectionFirstAfter the first one comes no sooner than this after enrolment, so it looks
 * back on a week the person took part in
 */
@Validated
@ConfigurationProperties("reconnect.routines")
record RoutineSettings(@DefaultValue("3h") Duration lateLimit, @DefaultValue("true") boolean reflectionAtEnrolment,
		@DefaultValue("weekly-reflection") String reflectionFlow, @DefaultValue("SUNDAY") DayOfWeek reflectionDay,
		@DefaultValue("17:00") LocalTime reflectionTime, @DefaultValue("6d") Duration reflectionFirstAfter) {
}
