package org.reconnect.proof;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Sends signed inbound webhooks at a steady rate, whatever the answers take (an open loop, as
 * Twilio sends), alternately to each node, and records every answer and how long it took.
 */
final class InboundDriver {

	/** One message to post. */
	record Message(String sid, String from, String body) {
	}

	/** What one post got: the HTTP status (-1 when no answer came), its Retry-After, its latency. */
	record Answer(int index, Message message, AppNode node, int status, String retryAfter, long nanos, Instant at) {
	}

	private final Harness run;

	InboundDriver(Harness run) {
		this.run = run;
	}

	/**
	 * Posts message {@code next.apply(i)} for i = 0, 1, ... at {@code perSecond} for
	 * {@code howLong}, each to node i mod nodes; waits for the last answer.
	 */
	List<Answer> drive(double perSecond, Duration howLong, IntFunction<Message> next) throws InterruptedException {
		int total = (int) Math.round(perSecond * howLong.toMillis() / 1000.0);
		List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
		ExecutorService senders = Executors.newFixedThreadPool(Math.max(16, (int) Math.ceil(perSecond * 6)));
		long start = System.nanoTime();
		long period = (long) (1_000_000_000L / perSecond);
		for (int i = 0; i < total; i++) {
			long wait = start + i * period - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			int index = i;
			senders.submit(() -> answers.add(post(index, next.apply(index), run.nodes.get(index % run.nodes.size()))));
		}
		senders.shutdown();
		senders.awaitTermination(2, TimeUnit.MINUTES);
		return answers;
	}

	/** Posts one message to one node, now. */
	static Answer post(int index, Message message, AppNode node) {
		Instant at = Instant.now();
		long began = System.nanoTime();
		try {
			HttpResponse<String> response = node.inbound(message.sid(), message.from(), message.body());
			return new Answer(index, message, node, response.statusCode(),
					response.headers().firstValue("Retry-After").orElse(null), System.nanoTime() - began, at);
		}
		catch (Exception ex) {
			return new Answer(index, message, node, -1, null, System.nanoTime() - began, at);
		}
	}

	/** How many answers had each status. */
	static Map<Integer, Long> statuses(List<Answer> answers) {
		Map<Integer, Long> counts = new TreeMap<>();
		answers.forEach(answer -> counts.merge(answer.status(), 1L, Long::sum));
		return counts;
	}

	/** The q-quantile (0..1) of the latencies, in milliseconds. */
	static double percentile(List<Answer> answers, double q) {
		if (answers.isEmpty()) {
			return Double.NaN;
		}
		long[] nanos = answers.stream().mapToLong(Answer::nanos).sorted().toArray();
		int at = (int) Math.min(nanos.length - 1, Math.max(0, Math.ceil(q * nanos.length) - 1));
		return nanos[at] / 1_000_000.0;
	}
}
