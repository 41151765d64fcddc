package org.reconnect.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * Paces sending per sender (a Twilio number or Messaging Service) on this node. A message that
 * finds no permit stays in the outbox for the next round; nothing waits.
 */
class Pacer {

	private final int perSecond;
	private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

	/** @param perSecond messages per second per sender; 0 for no pacing */
	Pacer(int perSecond) {
		this.perSecond = perSecond;
	}

	/** @param sender null for a channel with no carrier limit (the simulator) */
	boolean tryAcquire(String sender) {
		if (perSecond <= 0 || sender == null) {
			return true;
		}
		return limiters.computeIfAbsent(sender, name -> RateLimiter.of("sender-" + name,
				RateLimiterConfig.custom()
					.limitForPeriod(perSecond)
					.limitRefreshPeriod(Duration.ofSeconds(1))
					.timeoutDuration(Duration.ZERO)
					.build()))
			.acquirePermission();
	}
}
