package org.reconnect.system.handoff;

import java.time.Duration;

/**
 * How one user of {@link DueClaims} hands off, filled from that module's own settings record (so
 * the keys stay where their readers look: {@code reconnect.scheduling.hand-off-*} for check-ins
 * and reminders, {@code reconnect.messaging.outbox.*} for the outbox).
 *
 * @param threads hand-off threads that claim and hand over batches side by side
 * @param batch items one thread claims and hands over together
 * @param lease work claimed this long ago and still pending is taken over by a sweep
 */
public record HandOffSettings(int threads, int batch, Duration lease) {

	/** Claims and outcomes in the caller's thread only, one batch as the caller chose it. */
	static final HandOffSettings IN_CALLERS_THREAD = new HandOffSettings(1, 100, Duration.ofMinutes(2));

	public HandOffSettings {
		threads = Math.max(1, threads);
		batch = Math.max(1, batch);
	}
}
