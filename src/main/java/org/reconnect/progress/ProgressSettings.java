package org.reconnect.progress;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What counts as progress, and when its words go.
 *
 * @param dayMilestones the days of taking part (since enrolment, in the participant's own days)
 * recognised once each, at the first check-in answered on or after that day
 * @param connectedDays "most days": on at least this many of the last {@code connectedWithin} days
 * they said they connected with someone
 * @param connectedWithin the days that week-long window covers; a second such week is recognised
 * no sooner than this after the first
 * @param quietSpell answering after at least this many whole days without an answered check-in is
 * coming back after a quiet spell
 * @param sayAfter a milestone's sentence goes this long after it was reached, once no conversation
 * is open and outside quiet hours, so it follows the check-in rather than interrupting it
 * @param freshFor a sentence or note that could not go by this long after the milestone is dropped
 * @param lease a note claimed by a node that stopped before sending is taken over after this
 * @param progressDays the days the reflection's {@code {progress}} looks back on, today included
 */
@Validated
@ConfigurationProperties("reconnect.progress")
record ProgressSettings(@DefaultValue({ "7", "30", "90", "365" }) @NotEmpty List<@Min(1) Integer> dayMilestones,
		@DefaultValue("5") @Min(1) int connectedDays, @DefaultValue("7") @Min(1) int connectedWithin,
		@DefaultValue("7d") Duration quietSpell, @DefaultValue("15m") Duration sayAfter,
		@DefaultValue("36h") Duration freshFor, @DefaultValue("2m") Duration lease,
		@DefaultValue("7") @Min(1) int progressDays) {
}
