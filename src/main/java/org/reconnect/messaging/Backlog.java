package org.reconnect.messaging;

import java.time.Duration;

/**
 * What waits in the outbox at one moment. Entries held for quiet hours are not in it: they are
 * not late, they wait on purpose.
 *
 * @param due entries whose turn has come and that are not sent yet
 * @param retrying entries waiting to be tried again after a failed attempt
 * @param oldestDueAge how long the oldest due entry has waited since its turn came; zero for none
 */
record Backlog(long due, long retrying, Duration oldestDueAge) {

	/** Within both limits: the dispatchers keep up and the channel takes what they send. */
	boolean within(BacklogSettings limits) {
		return oldestDueAge.compareTo(limits.maxDueAge()) <= 0 && due + retrying <= limits.maxWaiting();
	}
}
