package org.reconnect.console.pages;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * When the coach's caseload shows that motivation dips: a run of low-mood answers, or of missed
 * check-ins, up to the latest check-in. Only coaches see it; it is never sent to anyone.
 *
 * @param lowMood a mood answer at or below this (1 to 5) counts as low
 * @param lowMoodDays days in a row of low-mood answers that make a dip
 * @param missedDays days in a row of check-ins missed (sent, unanswered) that make a dip
 * @param lookBackDays how far back a run is followed; a longer one shows as this many days
 */
@Validated
@ConfigurationProperties("reconnect.console.motivation")
record MotivationSettings(@DefaultValue("2") @Min(1) @Max(5) int lowMood, @DefaultValue("3") @Min(1) int lowMoodDays,
		@DefaultValue("3") @Min(1) int missedDays, @DefaultValue("28") @Min(1) @Max(366) int lookBackDays) {
}
