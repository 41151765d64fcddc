package org.reconnect.flows;

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
import org.reconnect.messaging.Messenger;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Waits that run out together are each acted on once, however many sweepers run at the same time
 * (as on several nodes): each is claimed by one atomic update in MongoDB.
 */
class FlowTimeoutsIntegrationTests extends SimulatorAppTestBase {

	private static final int PARTICIPANTS = 200;
	private static final String NUDGE = "Just checking in again, %s. A number from 1 to 5 is all it takes, whenever you're ready.";

	@Autowired
	ConversationRuntime runtime;

	@Autowired
	ParticipantService participants;

	@Autowired
	Messenger messenger;

	@Autowired
	MutableClock clock;

	@Test
	void waitsThatRunOutTogetherAreEachTimedOutOnceByConcurrentSweepers() throws Exception {
		clock.set(START);
		List<ParticipantProfile> people = new ArrayList<>();
		for (int i = 0; i < PARTICIPANTS; i++) {
			ParticipantProfile p = participants.enrol(new EnrolParticipant("Tess" + i, String.format("+1212555%04d", 2000 + i),
					"America/New_York", "09:00", "en"), "coach");
			runtime.start(p.id(), "daily-checkin");
			people.add(p);
		}
		clock.advance(Duration.ofHours(2));

		ExecutorService sweepers = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> sweeps = List.of(runtime::timeoutsDue, runtime::timeoutsDue, runtime::timeoutsDue,
					runtime::timeoutsDue);
			int total = 0;
			for (Future<Integer> done : sweepers.invokeAll(sweeps)) {
				total += done.get();
			}
			// Other tests sharing this context may leave waits of their own to time out as well.
			assertThat(total).isGreaterThanOrEqualTo(PARTICIPANTS);
		}
		finally {
			sweepers.shutdown();
		}
		for (ParticipantProfile p : people) {
			assertThat(messenger.recent(p.phone(), 10)).as(p.name())
				.filteredOn(m -> m.body().equals(NUDGE.formatted(p.firstName())))
				.hasSize(1);
		}
		assertThat(runtime.timeoutsDue()).isZero();
	}
}
