package org.reconnect.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.reconnect.LoopTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The load run of issue 6, not part of {@code mvn verify}: {@code mvn -Pbench verify}. Against the
 * running app on loopback: signed inbound webhooks at a steady rate beside a trivial Spring MVC
 * endpoint in the same run, then the dispatcher draining 10,000 queued messages to WireMock with
 * pacing off. Prints requests per second, p50/p99 latency and errors. Rate and duration:
 * {@code -Dbench.rate=300 -Dbench.seconds=60}.
 */
@Import(DeliveryBenchmark.Trivial.class)
class DeliveryBenchmark extends LoopTestSupport {

	private static final int RATE = Integer.getInteger("bench.rate", 300);
	private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
	private static final int QUEUED = Integer.getInteger("bench.queued", 10_000);

	@Autowired
	MongoTemplate mongo;

	@TestConfiguration(proxyBeanMethods = false)
	@Import(Ping.class)
	static class Trivial {
	}

	/** Under /webhooks so no login is needed: HTTP Basic would measure password hashing, not MVC. */
	@RestController
	static class Ping {

		@GetMapping("/webhooks/bench-ping")
		String ping() {
			return "pong";
		}
	}

	@Test
	void loadRun() throws Exception {
		HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(32)).build();
		String base = http.getRootUri();
		String auth = "Basic " + java.util.Base64.getEncoder().encodeToString("coach:test-pass-2030".getBytes(StandardCharsets.UTF_8));
		// warm-up, not counted
		run(client, RATE, 5, () -> HttpRequest.newBuilder(URI.create(base + "/webhooks/bench-ping")).build());
		run(client, RATE, 5, () -> webhook(base));

		Result trivial = run(client, RATE, SECONDS,
				() -> HttpRequest.newBuilder(URI.create(base + "/webhooks/bench-ping")).build());
		Result inbound = run(client, RATE, SECONDS, () -> webhook(base));
		System.out.println("BENCH trivial endpoint (GET /webhooks/bench-ping, no login): " + trivial);
		System.out.println("BENCH signed inbound webhook (POST /webhooks/twilio/sms):  " + inbound);

		Outbox outbox = new Outbox(mongo, "messages");
		List<MessageRecord> records = new ArrayList<>();
		for (int i = 0; i < QUEUED; i++) {
			records.add(MessageRecord.of(new OutboundMessage(String.format("+1404555%04d", i), "Bench message " + i,
					Purpose.REPLY, "bench"), MessageRecord.Status.QUEUED, clock.instant()));
		}
		mongo.insert(records, "messages");
		long started = System.nanoTime();
		int drained = drainOutbox();
		double seconds = (System.nanoTime() - started) / 1e9;
		int requests = twilio.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).size();
		System.out.printf("BENCH dispatcher: %d queued messages drained to WireMock in %.1f s = %.0f messages/s (%d requests)%n",
				drained, seconds, drained / seconds, requests);
		assertThat(drained).isEqualTo(QUEUED);
		assertThat(outbox).isNotNull();
	}

	private static HttpRequest webhook(String base) {
		Map<String, String> params = smsParams(String.format("+1505555%04d", (int) (Math.random() * 10_000)), "hello");
		String form = params.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(URI.create(base + WEBHOOK))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Twilio-Signature", sign(params))
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	/** Open loop: requests start at the rate whatever the answers take, so slow answers show in latency. */
	private static Result run(HttpClient client, int rate, int seconds, Supplier<HttpRequest> request) throws Exception {
		int total = rate * seconds;
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger started = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(total);
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
		long begin = System.nanoTime();
		ticker.scheduleAtFixedRate(() -> {
			if (started.getAndIncrement() >= total) {
				return;
			}
			long sent = System.nanoTime();
			CompletableFuture<HttpResponse<Void>> response;
			try {
				response = client.sendAsync(request.get(), HttpResponse.BodyHandlers.discarding());
			}
			catch (RuntimeException ex) {
				// a throwing task would cancel the ticker silently
				System.out.println("BENCH request not sent: " + ex);
				errors.incrementAndGet();
				latencies.add(0L);
				done.countDown();
				return;
			}
			response.whenComplete((answer, failure) -> {
				latencies.add(System.nanoTime() - sent);
				if (failure != null || answer.statusCode() >= 300) {
					errors.incrementAndGet();
				}
				done.countDown();
			});
		}, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
		boolean finished = done.await(seconds + 60L, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - begin) / 1e9;
		ticker.shutdownNow();
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return new Result(sorted.size() / elapsed, percentile(sorted, 50), percentile(sorted, 99), errors.get()
				+ (finished ? 0 : total - sorted.size()), sorted.size());
	}

	private static double percentile(List<Long> sorted, int p) {
		return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
	}

	record Result(double perSecond, double p50Millis, double p99Millis, int errors, int requests) {

		@Override
		public String toString() {
			return String.format("%.0f requests/s, p50 %.1f ms, p99 %.1f ms, %d errors of %d", perSecond, p50Millis,
					p99Millis, errors, requests);
		}
	}
}
