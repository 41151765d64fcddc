package org.reconnect.escalation;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Escalation rules.
 *
 * @param crisisRegion the organisation's region, whose crisis lines people get when there is no phone
 * number to go by; a number's own country decides otherwise ({@link CrisisRegions}), e.g. US
 * @param quietHoursStart no alert reaches anyone after this local time of theirs...
 * @param quietHoursEnd ...until this one (crisis notices excepted)
 * @param ladder the default escalation ladder; a coach can set another per participant
 * @param claimFor how long a node holds a claimed episode before another may take it over
 */
@Validated
@ConfigurationProperties("reconnect.escalation")
record EscalationSettings(@DefaultValue("US") String crisisRegion, @DefaultValue("21:00") LocalTime quietHoursStart,
		@DefaultValue("08:00") LocalTime quietHoursEnd, List<LadderStep> ladder, @DefaultValue("5m") Duration claimFor) {

	static final List<LadderStep> DEFAULT_LADDER = List.of(
			new LadderStep("nudge", Duration.ofHours(2), Audience.PARTICIPANT, "nudge", null),
			new LadderStep("coach", Duration.ofHours(24), Audience.COACH, "quiet", null),
			new LadderStep("allies", Duration.ofHours(48), Audience.ALLIES, "quiet", null));

	List<LadderStep> defaultLadder() {
		return ladder == null || ladder.isEmpty() ? DEFAULT_LADDER : ladder;
	}
}
