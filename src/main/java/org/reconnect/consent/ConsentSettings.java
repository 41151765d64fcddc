package org.reconnect.consent;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Consent rules.
 *
 * @param answerWithin an ally who has not said YES this long after the request is never alerted
 * @param validFor how long a YES holds before it must be renewed
 * @param renewBefore how long before a consent lapses the ally is asked to renew it
 * @param invitationFlow the flow (with party: ally) that asks an ally
 */
@Validated
@ConfigurationProperties("reconnect.consent")
record ConsentSettings(@DefaultValue("7d") Duration answerWithin, @DefaultValue("365d") Duration validFor,
		@DefaultValue("14d") Duration renewBefore, @DefaultValue("ally-invitation") String invitationFlow) {
}
