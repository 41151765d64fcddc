package org.reconnect.messaging;

import java.time.Duration;

/**
 * What waits in the outbox now, as the coach console and the API show it (the same figures as
 * the {@code outbox} readiness check). Messages held for quiet hours are not in it.
 *
 * @param due messages whose turn has come and that have not gone yet
 * @param retrying messages waiting to be tried again after a failed attempt (Twilio down, 429, 5xx)
 * @param oldestDueAge how long the oldest due message has waited since its turn came
 * @param behind past the configured limits ({@code reconnect.messaging.backlog.*}): readiness
 * reports the outbox OUT_OF_SERVICE
 */
public record OutboxBacklog(long due, long retrying, Duration oldestDueAge, boolean behind) {

	/** Dispatchers send a due message within seconds; a minute's wait is worth telling a coach. */
	private static final Duration NOTICEABLE = Duration.ofMinutes(1);

	/** Whether a coach should hear about it: behind, retrying, or a message waiting a minute or more. */
	public boolean noticeable() {
		return behind || retrying > 0 || oldestDueAge.compareTo(NOTICEABLE) >= 0;
	}

	/** The oldest due message's wait in whole minutes, for people. */
	public long oldestDueMinutes() {
		return oldestDueAge.toMinutes();
	}
}
