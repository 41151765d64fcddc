package org.reconnect.messaging;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paces sending per sender (a Twilio number or Messaging Service) across every node: a carrier's
 * limit is the sender's, however many nodes send for it, so the allowance of each second is
 * counted in the store ({@link SendSlots}). Once a second is full this node does not ask again
 * until the next one. A message that finds no permit stays in the outbox for the next round;
 * nothing waits.
 */
class Pacer {

	private final int perSecond;
	private final SendSlots slots;
	private final Clock clock;
	/** Per sender, the last second found full. */
	private final Map<String, Long> full = new ConcurrentHashMap<>();

	/** @param perSecond messages per second per sender; 0 for no pacing (then no store is needed) */
	Pacer(int perSecond, SendSlots slots, Clock clock) {
		if (perSecond > 0 && slots == null) {
			throw new IllegalArgumentException("pacing across nodes needs the store's send slots");
		}
		this.perSecond = perSecond;
		this.slots = slots;
		this.clock = clock;
	}

	static Pacer off() {
		return new Pacer(0, null, Clock.systemUTC());
	}

	/** @param sender null for a channel with no carrier limit (the simulator) */
	boolean tryAcquire(String sender) {
		if (perSecond <= 0 || sender == null) {
			return true;
		}
		long second = clock.instant().getEpochSecond();
		if (Long.valueOf(second).equals(full.get(sender))) {
			return false;
		}
		if (slots.take(sender, second, perSecond)) {
			return true;
		}
		full.put(sender, second);
		return false;
	}
}
