package org.reconnect.messaging;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this node knows of the channel as a whole. Once two sends in a row come back unavailable
 * (5xx, 429, no answer) for two different messages, the channel itself is taken to be down: rather than trying message after
 * message, each spending one of its attempts and moving to a backoff of its own (a ten-minute
 * outage would fail them all and scramble their order), one send at a time probes, at growing
 * intervals up to a minute, and a probe that fails keeps its place and its attempts. The first
 * send the channel answers ends the outage. One failure alone is a message's own problem and
 * takes the usual retry.
 */
final class ChannelOutage {

	private static final Logger log = LoggerFactory.getLogger(ChannelOutage.class);
	/** The longest wait between probes: the outbox starts again at most this long after the channel returns. */
	static final Duration LONGEST_PROBE_INTERVAL = Duration.ofMinutes(1);
	/** Two failures further apart than this are not "in a row". */
	static final Duration IN_A_ROW_WITHIN = Duration.ofMinutes(5);

	private final Duration firstProbe;
	private final double multiplier;
	private int failuresInARow;
	private Instant nextProbe = Instant.MIN;
	private Instant since;
	private String firstFailed;
	private Instant firstFailedAt = Instant.MIN;

	ChannelOutage(Duration firstProbe, double multiplier) {
		this.firstProbe = firstProbe.compareTo(LONGEST_PROBE_INTERVAL) < 0 ? firstProbe : LONGEST_PROBE_INTERVAL;
		this.multiplier = Math.max(1.0, multiplier);
	}

	/** Whether a send may be tried now: always, except in an outage between two probes. */
	synchronized boolean mayTry(Instant now) {
		if (since == null || wentBack(now)) {
			return true;
		}
		if (now.isBefore(nextProbe)) {
			return false;
		}
		nextProbe = now.plus(interval()); // this send is the probe; the next one waits
		return true;
	}

	/**
	 * A send came back unavailable.
	 *
	 * @param message the entry that failed: the same one failing again says nothing of the channel
	 * @return true when the channel is down: the message keeps its place and its attempts
	 */
	synchronized boolean failed(String message, Instant now) {
		boolean stale = now.isBefore(firstFailedAt) || !now.isBefore(firstFailedAt.plus(IN_A_ROW_WITHIN));
		if (since == null && (failuresInARow == 0 || stale)) {
			// a failure long ago, or in another time (a clock set back), says nothing of the channel now
			failuresInARow = 0;
			firstFailed = message;
			firstFailedAt = now;
		}
		if (since == null && message.equals(firstFailed)) {
			failuresInARow = 1;
			return false;
		}
		failuresInARow++;
		if (since == null) {
			since = now;
			log.warn("The channel is unavailable (sends of two messages in a row failed): messages wait in the outbox; "
					+ "one probe at a time until it answers");
		}
		nextProbe = now.plus(interval());
		return true;
	}

	/** The channel answered (accepted or refused a message): it is up. */
	synchronized void answered(Instant now) {
		if (since != null) {
			log.warn("The channel answers again after {}: the outbox resumes", Duration.between(since, now));
		}
		failuresInARow = 0;
		firstFailed = null;
		since = null;
		nextProbe = Instant.MIN;
	}

	/** In an outage and not yet time for the next probe: nothing to claim. */
	synchronized boolean waiting(Instant now) {
		return since != null && !wentBack(now) && now.isBefore(nextProbe);
	}

	/** The clock was set back (a demo clock, a test): what was learnt on the later time no longer holds. */
	private boolean wentBack(Instant now) {
		if (since != null && now.isBefore(since)) {
			answered(now);
			return true;
		}
		return false;
	}

	private Duration interval() {
		double millis = firstProbe.toMillis() * Math.pow(multiplier, Math.max(0, failuresInARow - 2));
		return millis >= LONGEST_PROBE_INTERVAL.toMillis() ? LONGEST_PROBE_INTERVAL : Duration.ofMillis((long) millis);
	}
}
