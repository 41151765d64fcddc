package org.reconnect.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of the phone simulator's demo time: a base clock plus an offset that only moves
 * forward until it is reset. It is the application's clock only while no Twilio account is
 * configured (no real participant can be reached); the offset lives in this object, so in memory
 * on one node and back to zero after a restart.
 */
public class ShiftableClock extends Clock {

	private final Clock base;
	private volatile Duration offset = Duration.ZERO;

	public ShiftableClock(Clock base) {
		this.base = base;
	}

	/** The time before the offset; a test clock overrides this to set time by hand. */
	protected Instant baseInstant() {
		return base.instant();
	}

	@Override
	public Instant instant() {
		return baseInstant().plus(offset);
	}

	/** How far this clock is ahead of its base. */
	public Duration offset() {
		return offset;
	}

	/** Moves the clock forward; time never runs backwards except by {@link #reset()}. */
	public synchronized void shift(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("the clock only moves forward: " + by);
		}
		offset = offset.plus(by);
	}

	/** Back to an offset it had before: a transcript run leaves the demo time where it found it. */
	public synchronized void returnTo(Duration earlier) {
		offset = earlier;
	}

	/** Back to the base clock's time. */
	public synchronized void reset() {
		offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the application keeps time in UTC");
	}
}
