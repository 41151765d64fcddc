package org.reconnect.flows;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark, not a test: {@code mvn -Pbench verify} (see docs/testing.md). Runs conversations through the
 * inbound path (load the conversation from MongoDB, rebuild and restore the Statemachine, match,
 * act, persist) and, in the same run and on the same persistence, the same flow hand-written as
 * a plain switch. The two paths take turns, block by block ({@code -Dbench.block}, 250
 * conversations), so both meet the store at the same size. Prints messages per second, latency
 * percentiles and heap after the run.
 */
class FlowRuntimeBenchmark extends SimulatorAppTestBase {

	private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 10_000);
	private static final int BLOCK = Integer.getInteger("bench.block", 250);
	private static final List<String> REPLIES = List.of("4", "no", "my sister");

	@Autowired
	ConversationRuntime runtime;

	@Autowired
	FlowRegistry flows;

	@Autowired
	Conversations conversations;

	@Autowired
	ParticipantService participants;

	@Autowired
	Messenger messenger;

	@Test
	void statemachineRuntimeBesideAHandWrittenSwitch() {
		List<ParticipantProfile> people = new ArrayList<>();
		for (int i = 0; i < CONVERSATIONS; i++) {
			people.add(participants.enrol(new EnrolParticipant("P" + i, phone(i), "America/New_York", "09:00", "en"), "bench"));
		}
		// Warm up both paths on a slice, then measure them in alternating blocks of conversations, so
		// each path meets the store at the same size (run one after the other, the second path always
		// met a store holding the first one's messages and conversations as well).
		run(people.subList(0, Math.min(500, people.size())), true);
		run(people.subList(0, Math.min(500, people.size())), false);
		Timings baseline = new Timings("hand-written switch");
		Timings machine = new Timings("flow on Statemachine");
		for (int from = 0; from < people.size(); from += BLOCK) {
			List<ParticipantProfile> block = people.subList(from, Math.min(people.size(), from + BLOCK));
			baseline.add(run(block, false));
			machine.add(run(block, true));
		}
		System.gc();
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

		System.out.printf(Locale.ROOT, "%n%-24s %10s %10s %10s %10s%n", "inbound path (" + CONVERSATIONS + " conv.)",
				"msg/s", "p50 ms", "p99 ms", "max ms");
		for (Result r : List.of(baseline.result(), machine.result())) {
			System.out.printf(Locale.ROOT, "%-24s %10.0f %10.2f %10.2f %10.2f%n", r.name, r.perSecond, r.p50, r.p99, r.max);
		}
		System.out.printf(Locale.ROOT, "throughput vs baseline: %.0f%%; heap used after the run and a GC: %d MB%n%n",
				100 * machine.result().perSecond / baseline.result().perSecond, heap / (1024 * 1024));
	}

	private static String phone(int i) {
		// 10,000 distinct valid numbers across two area codes.
		return (i < 5000 ? "+1202" : "+1212") + String.format("555%04d", i % 5000 + 1000);
	}

	private record Result(String name, double perSecond, double p50, double p99, double max) {
	}

	/** One path's latencies and measured time over all its blocks. */
	private static final class Timings {

		private final String name;
		private final List<long[]> parts = new ArrayList<>();
		private long measuredNanos;

		Timings(String name) {
			this.name = name;
		}

		void add(Measured measured) {
			parts.add(measured.nanos());
			measuredNanos += measured.elapsedNanos();
		}

		Result result() {
			long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			int n = all.length;
			return new Result(name, n / (measuredNanos / 1e9), all[n / 2] / 1e6, all[(int) (n * 0.99)] / 1e6, all[n - 1] / 1e6);
		}
	}

	private record Measured(long[] nanos, long elapsedNanos) {
	}

	private Measured run(List<ParticipantProfile> people, boolean statemachine) {
		for (ParticipantProfile p : people) {
			if (statemachine) {
				runtime.start(p.id(), "daily-checkin");
			}
			else {
				Baseline.start(p, conversations, messenger, flows.current("daily-checkin").orElseThrow());
			}
		}
		long[] nanos = new long[people.size() * REPLIES.size()];
		int n = 0;
		long begin = System.nanoTime();
		for (String reply : REPLIES) {
			for (ParticipantProfile p : people) {
				InboundMessage message = new InboundMessage("bench", p.phone(), reply, Instant.now());
				long t0 = System.nanoTime();
				if (statemachine) {
					runtime.reply(p, message);
				}
				else {
					Baseline.reply(p, message, conversations, messenger);
				}
				nanos[n++] = System.nanoTime() - t0;
			}
		}
		return new Measured(nanos, System.nanoTime() - begin);
	}

	/** The daily check-in written by hand as a switch over the same conversation document. */
	static final class Baseline {

		static void start(ParticipantProfile p, Conversations conversations, Messenger messenger, FlowDefinition flow) {
			conversations.findByOpenFor(p.id().value()).ifPresent(open -> {
				open.supersede();
				conversations.save(open);
			});
			Conversation c = Conversation.start(p.id().value(), flow, new FlowMachines.Step("mood", false, true, List.of()),
					Instant.now());
			c = conversations.save(c);
			messenger.send(new OutboundMessage(p.phone(), "Hi " + p.firstName()
					+ ", it's check-in time. How are you feeling today, from 1 (low) to 5 (great)?", Purpose.CHECK_IN, c.id));
		}

		static void reply(ParticipantProfile p, InboundMessage message, Conversations conversations, Messenger messenger) {
			Conversation c = conversations.findByOpenFor(p.id().value())
				.orElseThrow();
			String text = message.body().trim().toLowerCase(Locale.ROOT);
			String say;
			switch (c.state) {
				case "mood" -> {
					c.answers.put("mood", text);
					c.state = "cravings";
					say = "Thank you. Any cravings today? (yes/no)";
				}
				case "cravings" -> {
					c.answers.put("cravings", text);
					c.state = "connection";
					say = "Who did you connect with today? A call, a text or a meeting all count.";
				}
				default -> {
					c.answers.put("connection", text);
					c.state = "done";
					c.close(Conversation.Status.ENDED);
					say = "Thank you, " + p.firstName() + ". Glad you reached out today. Talk tomorrow.";
				}
			}
			c.replies++;
			conversations.save(c);
			messenger.send(new OutboundMessage(p.phone(), say, Purpose.REPLY, c.id));
		}
	}
}
