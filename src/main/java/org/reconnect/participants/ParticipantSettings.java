package org.reconnect.participants;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Defaults a coach can change per participant.
 *
 * @param gracePeriod late becomes quiet this long after the first missed check-in
 * @param missedToQuiet this many missed check-ins in a row make a participant quiet
 * @param anyMessageCounts any message from the participant counts as a sign of life
 * @param longestPause the longest pause a participant may ask for by SMS
 * @param languages the languages people can be written to in (language tags); the first is the
 * default at enrolment. Each needs its bundles under messages/ and its flow texts (docs/languages.md).
 */
@Validated
@ConfigurationProperties("reconnect.participants")
record ParticipantSettings(@DefaultValue("24h") Duration gracePeriod, @DefaultValue("2") int missedToQuiet,
		@DefaultValue("true") boolean anyMessageCounts, @DefaultValue("30d") Duration longestPause,
		@DefaultValue({ "en", "es" }) @NotEmpty List<String> languages) {

	ResponsivenessSettings responsiveness() {
		return new ResponsivenessSettings(gracePeriod, missedToQuiet, anyMessageCounts);
	}
}
