package org.reconnect.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reconnect.ReconnectApplication;
import org.reconnect.ShiftedClock;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.system.EmbeddedStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * One node's capacity (issue 22), on the embedded stores, for each size in {@code -Dbench.capacity}
 * (10,000, 50,000 and 100,000 participants, spread over 24 zones, each with a daily check-in at one of
 * four morning times: 96 slots a day): the start-up time of a node on that data, the heap after a full GC at rest and
 * after a day's work, and the day itself: every check-in of one day fired slot by slot at its time
 * (the clock skips the idle gaps, never the backlog), with its lag from due time to the message in the
 * outbox. For the first size the days go on ({@code -Dbench.month-days}, 30) to give the store's size
 * on disk after a month of check-ins. Heap figures include the in-process MongoDB-wire server's and
 * H2's caches (bounded; a production node talks to a separate MongoDB).
 */
class CapacityBenchmark {

	private static final List<Integer> SIZES = Arrays.stream(System.getProperty("bench.capacity", "10000,50000,100000")
		.split(",")).map(String::trim).map(Integer::parseInt).toList();

	/** What the store spends its time on, printed after each size's day. */
	private static final StoreCommandTimes COMMANDS = new StoreCommandTimes();

	private static final int MONTH_DAYS = Integer.getInteger("bench.month-days", 30);

	/** Sizes above this are enrolled and started, without a day's work (a day at 100,000 takes about an hour here). */
	private static final int DAY_UP_TO = Integer.getInteger("bench.day-up-to", Integer.MAX_VALUE);

	/** With -Dbench.histogram=N, the N classes holding most of the heap, live, at rest and after the day. */
	private static final int HISTOGRAM_LINES = Integer.getInteger("bench.histogram", 0);

	private static final List<ZoneId> ZONES = Stream.of("Pacific/Honolulu", "America/Anchorage",
			"America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York", "America/Halifax",
			"America/St_Johns", "America/Sao_Paulo", "Atlantic/Azores", "Europe/London", "Europe/Madrid", "Europe/Athens",
			"Europe/Moscow", "Asia/Tehran", "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Dhaka",
			"Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo", "Australia/Adelaide").map(ZoneId::of).toList();

	/** Monday; the first day's check-ins all fall after it. */
	private static final Instant START = Instant.parse("2030-03-04T00:00:00Z");

	record Row(int participants, double fillSeconds, double startupSeconds, double heapAtRestMb, double heapAfterDayMb,
			int dayCheckIns, double daySeconds, double lagP50, double lagP99, int days, long filledBytes, long storeBytes,
			long compactedBytes) {
	}

	@Test
	void capacity() throws Exception {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < SIZES.size(); i++) {
			Row row = measure(SIZES.get(i), i == 0 ? MONTH_DAYS : SIZES.get(i) <= DAY_UP_TO ? 1 : 0);
			rows.add(row);
			// as soon as measured: a long run stopped later still leaves the sizes it finished
			System.out.printf("CAPACITY-ROW %s (load %.1f)%n", row,
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
		System.out.printf("%n=== Reconnect one-node capacity (embedded stores, %d cores, -Xmx %d MB, load %.1f at the end) ===%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		Row base = rows.get(0);
		for (Row row : rows) {
			if (row.days == 0) {
				System.out.printf("CAPACITY %,d participants (x%.0f): fill %.1f s; start-up %.1f s (x%.2f); heap after GC at rest "
						+ "%.0f MB (x%.2f); no day's work run (-Dbench.day-up-to)%n", row.participants,
						row.participants / (double) base.participants, row.fillSeconds, row.startupSeconds,
						row.startupSeconds / base.startupSeconds, row.heapAtRestMb, row.heapAtRestMb / base.heapAtRestMb);
				continue;
			}
			double scale = row.participants / (double) base.participants;
			System.out.printf(
					"CAPACITY %,d participants (x%.0f): fill %.1f s; start-up %.1f s (x%.2f); heap after GC at rest %.0f MB (x%.2f), "
							+ "after a day %.0f MB; a day's check-ins %,d in %.1f s of work = %.0f/s, lag p50 %.2f s, p99 %.2f s (x%.2f)%n",
					row.participants, scale, row.fillSeconds, row.startupSeconds, row.startupSeconds / base.startupSeconds,
					row.heapAtRestMb, row.heapAtRestMb / base.heapAtRestMb, row.heapAfterDayMb, row.dayCheckIns,
					row.daySeconds, row.dayCheckIns / row.daySeconds, row.lagP50, row.lagP99, row.lagP99 / base.lagP99);
		}
		for (Row row : rows.stream().filter(r -> r.days > 0).toList()) {
			double perTenThousandMonths = 30.0 / row.days / (row.participants / 10_000.0);
			System.out.printf("CAPACITY store on disk for %,d participants: %.1f MB enrolled, after %d day(s) of check-ins "
					+ "%.1f MB as written (%.1f MB per 10,000 participants per 30 days), %.1f MB once compacted "
					+ "(%.1f MB per 10,000 per 30 days)%n", row.participants, row.filledBytes / 1e6, row.days,
					row.storeBytes / 1e6, (row.storeBytes - row.filledBytes) / 1e6 * perTenThousandMonths,
					row.compactedBytes / 1e6, (row.compactedBytes - row.filledBytes) / 1e6 * perTenThousandMonths);
		}
		System.out.println();
	}

	private Row measure(int participants, int days) throws Exception {
		Path dataDir = Files.createTempDirectory("reconnect-capacity");
		Path flows = Files.createDirectories(dataDir.resolve("flows"));
		try (var files = Files.list(Path.of("conversation-flows"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
				Files.copy(file, flows.resolve(file.getFileName()));
			}
		}
		ShiftedClock clock = new ShiftedClock();
		clock.nowIs(START);
		List<String> slotsOfAll = new ArrayList<>();
		String[] slotOf = new String[participants];
		long f0 = System.nanoTime();
		try (ConfigurableApplicationContext app = start(dataDir, flows, clock)) {
			MongoTemplate mongo = app.getBean(MongoTemplate.class);
			List<Document> people = new ArrayList<>();
			List<Object> checkIns = new ArrayList<>();
			for (int i = 0; i < participants; i++) {
				ZoneId zone = ZONES.get(i % ZONES.size());
				String id = "cap-" + i;
				people.add(new Document("_id", id).append("name", "P" + i).append("phone", "+1202" + (2000000 + i))
					.append("zone", zone.getId()).append("checkInTime", "09:00").append("language", "en")
					.append("status", "ACTIVE").append("coach", "coach").append("enrolledAt", START)
					.append("quietStart", "00:00").append("quietEnd", "00:00"));
				Object schedule = CheckInTestAccess.schedule(id, zone, LocalTime.of(7 + i / ZONES.size() % 4, i / ZONES.size() % 4 * 15), START);
				checkIns.add(schedule);
				String slot = CheckInTestAccess.slot(schedule);
				slotOf[i] = slot;
				if (!slotsOfAll.contains(slot)) {
					slotsOfAll.add(slot);
				}
			}
			for (int i = 0; i < participants; i += 5_000) {
				mongo.insert(people.subList(i, Math.min(participants, i + 5_000)), "participants");
				mongo.insertAll(checkIns.subList(i, Math.min(participants, i + 5_000)));
			}
			app.getBean(CheckInSlots.class).reconcile();
		}
		double fillSeconds = (System.nanoTime() - f0) / 1e9;
		long filledBytes = size(dataDir) - size(flows);

		long s0 = System.nanoTime();
		try (ConfigurableApplicationContext app = start(dataDir, flows, clock)) {
			double startupSeconds = (System.nanoTime() - s0) / 1e9;
			double heapAtRest = heapAfterGcMb();
			printHistogram(participants + " participants, at rest");
			MongoTemplate mongo = app.getBean(MongoTemplate.class);
			CheckInSlots slots = app.getBean(CheckInSlots.class);
			ConversationRuntime conversations = app.getBean(ConversationRuntime.class);
			double daySeconds = 0;
			int dayCheckIns = 0;
			List<Long> lags = new ArrayList<>();
			double heapAfterDay = 0;
			for (int day = 0; day < days; day++) {
				Instant from = START.plus(Duration.ofDays(day));
				TreeMap<Instant, List<String>> dueSlots = new TreeMap<>();
				for (String slot : slotsOfAll) {
					dueSlots.computeIfAbsent(CheckInTestAccess.nextDue(slot, from), d -> new ArrayList<>()).add(slot);
				}
				Map<String, Instant> dueBySlot = new HashMap<>();
				COMMANDS.reset();
				long d0 = System.nanoTime();
				int started = 0;
				Instant lastSweep = null;
				for (var entry : dueSlots.entrySet()) {
					if (clock.instant().isBefore(entry.getKey())) {
						clock.nowIs(entry.getKey());
					}
					// unanswered check-ins end as the minute sweep would have ended them (once an hour here)
					if (!entry.getKey().truncatedTo(ChronoUnit.HOURS).equals(lastSweep)) {
						conversations.expireDue();
						lastSweep = entry.getKey().truncatedTo(ChronoUnit.HOURS);
					}
					for (String slot : entry.getValue()) {
						dueBySlot.put(slot, entry.getKey());
						started += slots.fire(slot);
					}
				}
				if (day == 0) {
					daySeconds = (System.nanoTime() - d0) / 1e9;
					dayCheckIns = started;
					assertThat(started).as("every participant's check-in of the day started").isEqualTo(participants);
					Query sent = Query.query(Criteria.where("purpose").is("CHECK_IN").and("createdAt").gte(Date.from(from)));
					// the first check-in message each participant got that day (later nudges are not hand-offs)
					Map<String, Instant> firstByPhone = new HashMap<>();
					for (Document message : mongo.find(sent, Document.class, "messages")) {
						firstByPhone.merge(message.getString("to"), message.getDate("createdAt").toInstant(),
								(a, b) -> a.isBefore(b) ? a : b);
					}
					assertThat(firstByPhone).as("one check-in message each").hasSize(participants);
					firstByPhone.forEach((phone, created) -> {
						Instant due = dueBySlot.get(slotOf[Integer.parseInt(phone.substring(5)) - 2000000]);
						lags.add(created.toEpochMilli() - due.toEpochMilli());
					});
					lags.sort(null);
					heapAfterDay = heapAfterGcMb();
					printHistogram(participants + " participants, after the day");
					System.out.printf("%nSTORE the first day's commands for %,d participants, by total time:%n%s", participants,
							COMMANDS.report(15));
				}
			}
			long storeBytes = size(dataDir) - size(flows);
			// what the file holds once rewritten without old page versions: the live data
			app.getBean(EmbeddedStore.class).compact();
			long compactedBytes = size(dataDir) - size(flows);
			app.close();
			return new Row(participants, fillSeconds, startupSeconds, heapAtRest, heapAfterDay, dayCheckIns, daySeconds,
					lags.isEmpty() ? 0 : lags.get(lags.size() / 2) / 1e3,
					lags.isEmpty() ? 0 : lags.get((int) Math.ceil(lags.size() * 0.99) - 1) / 1e3, days,
					filledBytes, storeBytes, compactedBytes);
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir, Path flows, ShiftedClock clock) {
		return new SpringApplicationBuilder(ReconnectApplication.class)
			.initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock),
					context -> context.getBeanFactory().registerSingleton("storeCommandTimes",
							(MongoClientSettingsBuilderCustomizer) builder -> builder.addCommandListener(COMMANDS)))
			.run("--server.port=0", "--management.server.port=", "--spring.quartz.auto-startup=true",
					"--reconnect.data-dir=" + dataDir, "--reconnect.console.initial-coach.password=bench-pass-2030",
					"--reconnect.messaging.twilio.account-sid=", "--reconnect.messaging.twilio.auth-token=",
					"--reconnect.flows.directory=" + flows, "--logging.level.org.reconnect=WARN",
					"--logging.level.org.quartz=WARN", "--logging.level.de.bwaldvogel=WARN");
	}

	/** Heap in use after full collections: System.gc() runs a full, stop-the-world G1 collection and returns after it. */
	private static double heapAfterGcMb() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
	}

	/** The live heap by class, largest first, as {@code jcmd <pid> GC.class_histogram} prints it (it runs a full GC). */
	private static void printHistogram(String when) throws Exception {
		if (HISTOGRAM_LINES <= 0) {
			return;
		}
		String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
				new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
				new Object[] { new String[0] }, new String[] { String[].class.getName() });
		System.out.printf("%nHISTOGRAM %s:%n%s%n", when,
				histogram.lines().limit(HISTOGRAM_LINES + 3L).collect(java.util.stream.Collectors.joining("\n")));
	}

	private static long size(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
		}
	}
}
