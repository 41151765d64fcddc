package org.reconnect.proof;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.reconnect.embedded.ProofMongoServer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Everything a proof runs against, on loopback and in temp directories: one real PostgreSQL (the
 * Quartz cluster's store), one MongoDB-wire server on a durable file, a cuttable proxy in front of
 * each, one fake Twilio per node, and the application nodes as real processes.
 */
final class Harness implements AutoCloseable {

	final Path runDir;
	final EmbeddedPostgres postgres;
	final MongoServer mongo;
	final TcpProxy mongoProxy;
	final TcpProxy postgresProxy;
	final List<FakeTwilio> twilios = new ArrayList<>();
	final List<AppNode> nodes = new ArrayList<>();
	private final MongoClient client;
	private final List<String> extra;

	private Harness(int nodeCount, List<String> extra) throws Exception {
		this.extra = extra;
		runDir = Files.createTempDirectory("reconnect-proof-");
		say("Run directory %s", runDir);
		postgres = EmbeddedPostgres.builder().setDataDirectory(runDir.resolve("postgres")).setCleanDataDirectory(true)
			.start();
		mongo = ProofMongoServer.start(runDir.resolve("mongo.mv"));
		mongoProxy = new TcpProxy(mongo.getLocalAddress().getPort());
		postgresProxy = new TcpProxy(postgres.getPort());
		client = MongoClients.create("mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort());
		FakeTwilio.Account account = new FakeTwilio.Account();
		for (int i = 0; i < nodeCount; i++) {
			twilios.add(new FakeTwilio(account));
		}
		for (int i = 0; i < nodeCount; i++) {
			nodes.add(AppNode.start("node-" + (char) ('a' + i), runDir, properties(twilios.get(i))));
		}
		for (AppNode node : nodes) {
			node.awaitServing(duration("proof.start-timeout", "PT6M"));
		}
		say("PostgreSQL on %d (proxy %d), MongoDB on %d (proxy %d), %d nodes serving on %s", postgres.getPort(),
				postgresProxy.port(), mongo.getLocalAddress().getPort(), mongoProxy.port(), nodeCount,
				nodes.stream().map(n -> n.name + ":" + n.port + " (pid " + n.pid() + ")").toList());
	}

	static Harness start(int nodes, String... extraProperties) throws Exception {
		return new Harness(nodes, List.of(extraProperties));
	}

	/**
	 * Starts a node again in place of one that was killed (as an orchestrator would), with the
	 * same settings and fake Twilio, and waits until it serves.
	 */
	AppNode restart(AppNode killed) throws Exception {
		int index = nodes.indexOf(killed);
		AppNode node = AppNode.start(killed.name + "-restarted", runDir, properties(twilios.get(index)));
		nodes.set(index, node);
		return node.awaitServing(duration("proof.start-timeout", "PT6M"));
	}

	private List<String> properties(FakeTwilio twilio) {
		List<String> properties = new ArrayList<>(List.of(
				"--spring.mongodb.uri=mongodb://127.0.0.1:" + mongoProxy.port() + "/reconnect",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgresProxy.port() + "/postgres",
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--reconnect.console.initial-coach.password=" + AppNode.COACH_PASSWORD,
				"--reconnect.messaging.twilio.account-sid=" + FakeTwilio.SID,
				"--reconnect.messaging.twilio.auth-token=" + AppNode.TOKEN,
				"--reconnect.messaging.twilio.from-number=+15005550006",
				"--reconnect.messaging.twilio.public-base-url=" + AppNode.PUBLIC_URL,
				"--reconnect.messaging.twilio.api-base-url=" + twilio.baseUrl(),
				// a Messaging Service's pace, not one long code's 1 a second: the proofs count claims
				"--reconnect.messaging.outbox.messages-per-second=0",
				"--logging.level.org.reconnect=WARN"));
		properties.addAll(extra);
		return properties;
	}

	/** The store, read directly (not through the proxy), for the proofs' own checks. */
	MongoDatabase store() {
		return client.getDatabase("reconnect");
	}

	/** Every message any fake Twilio accepted, oldest first. */
	List<FakeTwilio.Sent> sent() {
		return twilios.stream().flatMap(t -> t.sent().stream()).sorted(Comparator.comparing(FakeTwilio.Sent::at)).toList();
	}

	/** The n-th participant's number: distinct valid US numbers that only ever reach the fake Twilio. */
	static String phone(int i) {
		return "+1202" + (2000000 + i);
	}

	/**
	 * A zone where it is early afternoon now, so that no check-in of the run falls in quiet hours
	 * (21:00-08:00 in the participant's zone), whatever the time of day the proof runs.
	 */
	static ZoneId afternoonZone() {
		return Stream.of("Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver",
				"America/Chicago", "America/New_York", "America/Halifax", "America/Sao_Paulo", "Atlantic/South_Georgia",
				"Atlantic/Azores", "Europe/London", "Europe/Paris", "Europe/Athens", "Europe/Moscow", "Asia/Dubai",
				"Asia/Karachi", "Asia/Dhaka", "Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo", "Australia/Brisbane",
				"Pacific/Noumea", "Pacific/Auckland")
			.map(ZoneId::of)
			.min(Comparator.comparingInt(zone -> Math.abs(ZonedDateTime.now(zone).getHour() * 60
					+ ZonedDateTime.now(zone).getMinute() - 14 * 60)))
			.orElseThrow();
	}

	/**
	 * Enrols participants {@code from} to {@code to - 1} through the coach API, spread over the
	 * nodes, with their daily check-in at {@code time} in {@code zone}.
	 */
	void enrol(int from, int to, ZoneId zone, LocalTime time) throws Exception {
		// The first one alone, so the slot's trigger exists before the nodes enrol side by side (two
		// nodes creating it at once is handled: TriggersRaceTests).
		enrolAll(from, from + 1, zone, time);
		enrolAll(from + 1, to, zone, time);
	}

	private void enrolAll(int from, int to, ZoneId zone, LocalTime time) throws Exception {
		String hhmm = time.format(DateTimeFormatter.ofPattern("HH:mm"));
		AtomicInteger failures = new AtomicInteger();
		AtomicInteger enrolled = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> all = new ArrayList<>();
			for (int i = from; i < to; i++) {
				int n = i;
				all.add(pool.submit(() -> {
					AppNode node = nodes.get(n % nodes.size());
					String json = "{\"name\":\"P" + n + "\",\"phone\":\"" + phone(n) + "\",\"timeZone\":\"" + zone
							+ "\",\"checkInTime\":\"" + hhmm + "\",\"language\":\"en\"}";
					var response = node.postJson("/api/participants", json);
					if (response.statusCode() != 201) {
						failures.incrementAndGet();
						say("enrol %d on %s: %d %s", n, node.name, response.statusCode(), response.body());
					}
					int done = enrolled.incrementAndGet();
					if (to - from >= 1000 && done % ((to - from) / 5) == 0) {
						say("... %,d enrolled", done);
					}
					return null;
				}));
			}
			for (Future<?> each : all) {
				each.get();
			}
		}
		finally {
			pool.shutdown();
		}
		if (failures.get() > 0) {
			throw new IllegalStateException(failures.get() + " enrolments failed");
		}
	}

	/**
	 * Enrols participants {@code from} to {@code to - 1} with their daily check-in in the first
	 * whole minute after enrolment can be over (about {@code proof.enrol-ms}, 20 ms, each), in a
	 * zone where it is afternoon; returns that minute.
	 */
	Instant enrolDueSoon(int from, int to) throws Exception {
		long enrolMs = number("proof.enrol-ms", 20);
		ZoneId zone = afternoonZone();
		ZonedDateTime due = ZonedDateTime.now(zone).plus(Duration.ofMillis(45_000 + (to - from) * enrolMs))
			.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
		say("Enrolling %,d participants through the API, check-in daily at %s %s (%s)", to - from,
				due.toLocalTime(), zone, due.toInstant());
		Instant started = Instant.now();
		enrol(from, to, zone, due.toLocalTime());
		Duration took = Duration.between(started, Instant.now());
		say("Enrolled %,d in %s (%.0f a second)", to - from, took, (to - from) * 1000.0 / Math.max(1, took.toMillis()));
		if (!Instant.now().isBefore(due.toInstant())) {
			throw new IllegalStateException("enrolment ended after the check-in minute: raise -Dproof.enrol-ms");
		}
		return due.toInstant();
	}

	/** How many messages containing {@code text} each number was sent. */
	Map<String, Long> perNumber(String text) {
		return sent().stream().filter(s -> s.body().contains(text))
			.collect(Collectors.groupingBy(FakeTwilio.Sent::to, Collectors.counting()));
	}

	/** Waits until {@code expected} numbers were sent a message containing {@code text}; false if not in time. */
	boolean awaitNumbers(String text, int expected, Duration within) {
		try {
			await().atMost(within).pollInterval(Duration.ofSeconds(1)).until(() -> perNumber(text).size() >= expected);
			return true;
		}
		catch (ConditionTimeoutException ex) {
			say("Only %,d of %,d numbers got \"%s\" within %s", perNumber(text).size(), expected, text, within);
			return false;
		}
	}

	static Duration duration(String property, String fallback) {
		return Duration.parse(System.getProperty(property, fallback));
	}

	static int number(String property, int fallback) {
		return Integer.getInteger(property, fallback);
	}

	static void say(String format, Object... args) {
		System.out.printf("[proof %s] %s%n", LocalTime.now().withNano(0), String.format(format, args));
	}

	@Override
	public void close() throws Exception {
		for (AppNode node : nodes) {
			if (node.alive()) {
				node.stop();
			}
		}
		twilios.forEach(FakeTwilio::close);
		client.close();
		mongoProxy.close();
		postgresProxy.close();
		mongo.shutdownNow();
		postgres.close();
		if (!Boolean.getBoolean("proof.keep")) {
			try (Stream<Path> files = Files.walk(runDir)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
		else {
			say("Kept %s (node logs, stores)", runDir);
		}
	}
}
