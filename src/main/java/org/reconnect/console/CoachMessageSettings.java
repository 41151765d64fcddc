package org.reconnect.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * A coach writing to a participant from the console.
 *
 * @param replyWindow how long after a coach's message a participant's text, while no conversation
 * with them is open, is taken as a reply to the coach (shown in the coach's thread) rather than
 * passed on to the flows as a check-in answer
 * @param maxLength the longest message a coach may write, in characters
 */
@Validated
@ConfigurationProperties("reconnect.console.coach-messages")
record CoachMessageSettings(@DefaultValue("48h") Duration replyWindow, @DefaultValue("1000") int maxLength) {
}
