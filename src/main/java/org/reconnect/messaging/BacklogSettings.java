package org.reconnect.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;

/**
 * When the outbox counts as behind: readiness turns OUT_OF_SERVICE past either limit.
 *
 * @param maxDueAge longest a message whose turn has come may wait for a dispatcher
 * @param maxWaiting most messages that may wait at once, due now or to be tried again after a
 * failed attempt (Twilio down, 429, 5xx)
 */
@Validated
@ConfigurationProperties("reconnect.messaging.backlog")
record BacklogSettings(@DefaultValue("10m") Duration maxDueAge, @DefaultValue("5000") @Positive long maxWaiting) {
}
