package org.reconnect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * For benchmarks: runs at the speed of the wall clock, shifted to the instant the benchmark needs,
 * so work takes the time it really takes while the date is the one being measured.
 */
public final class ShiftedClock extends Clock {

	private volatile Duration shift = Duration.ZERO;

	public void nowIs(Instant instant) {
		shift = Duration.between(Instant.now(), instant);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(shift);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}
}
