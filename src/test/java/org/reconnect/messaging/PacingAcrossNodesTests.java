package org.reconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A carrier's limit is per sender, not per node: two nodes' dispatchers sending for one long code
 * together stay within its messages per second. Each "node" here is its own Pacer over the one
 * store, as two application nodes are; before, each paced only itself and two sent twice the rate.
 */
class PacingAcrossNodesTests extends SimulatorAppTestBase {

	private static final int PER_SECOND = 3;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MutableClock clock;

	@Test
	void twoNodesTakingTurnsSendNoMoreThanTheSendersRateBetweenThem() {
		Pacer nodeA = new Pacer(PER_SECOND, new SendSlots(mongo), clock);
		Pacer nodeB = new Pacer(PER_SECOND, new SendSlots(mongo), clock);
		String sender = "+15005550100";
		for (int second = 0; second < 4; second++) {
			clock.set(SimulatorAppTestBase.START.plusSeconds(100 + second));
			int granted = 0;
			for (int attempt = 0; attempt < 10; attempt++) {
				granted += (nodeA.tryAcquire(sender) ? 1 : 0) + (nodeB.tryAcquire(sender) ? 1 : 0);
			}
			assertThat(granted).as("sends between both nodes in second %d", second).isEqualTo(PER_SECOND);
		}
	}

	@Test
	void twoNodesAtOnceStayWithinTheRateAndAnotherSenderHasItsOwn() throws Exception {
		Pacer nodeA = new Pacer(PER_SECOND, new SendSlots(mongo), clock);
		Pacer nodeB = new Pacer(PER_SECOND, new SendSlots(mongo), clock);
		clock.set(SimulatorAppTestBase.START.plus(Duration.ofMinutes(10)));
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> nodes = new ArrayList<>();
			for (Pacer node : List.of(nodeA, nodeB, nodeA, nodeB)) {
				nodes.add(() -> {
					int granted = 0;
					for (int attempt = 0; attempt < 25; attempt++) {
						granted += node.tryAcquire("+15005550101") ? 1 : 0;
					}
					return granted;
				});
			}
			int total = 0;
			for (Future<Integer> granted : threads.invokeAll(nodes)) {
				total += granted.get();
			}
			assertThat(total).as("sends in one second from four threads on two nodes").isBetween(1, PER_SECOND);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(nodeA.tryAcquire("+15005550102")).as("another sender's allowance is its own").isTrue();
	}
}
