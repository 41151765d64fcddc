package org.reconnect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.reconnect.system.ShiftableClock;

/**
 * A clock tests move by hand instead of sleeping. It is a {@link ShiftableClock} too, so the
 * simulator's demo time jumps ahead of whatever time a test has set (and a test that jumps resets).
 */
public class MutableClock extends ShiftableClock {

	private volatile Instant now;

	public MutableClock(Instant start) {
		super(Clock.systemUTC());
		this.now = start;
	}

	public void set(Instant instant) {
		this.now = instant;
	}

	public void advance(Duration duration) {
		this.now = now.plus(duration);
	}

	@Override
	protected Instant baseInstant() {
		return now;
	}
}
