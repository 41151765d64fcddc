package org.reconnect.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reconnect.ShiftedClock;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.reconnect.ReconnectApplication;
import org.reconnect.scheduling.CheckInSlots;
import org.reconnect.scheduling.CheckInTestAccess;
import org.reconnect.scheduling.MinuteTriggers;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The benchmark of issue 4 (run with {@code mvn -Pbench verify}; not part of the normal build).
 * On the embedded stores (MongoDB-wire server on an H2 file, Quartz on an H2 file, simulator
 * channel) it schedules the check-ins and weekly reminders of N participants (default 100,000,
 * {@code -Dbench.participants=...}) spread over 24 time zones, fires a burst of 10,000 reminders
 * due in the same minute through Quartz, and measures, in the same run and store, the firing rate
 * of bare Quartz (one trigger per item, no-op job).
 */
class ReminderBenchmark {

	private static final int PARTICIPANTS = Integer.getInteger("bench.participants", 100_000);

	private static final int BURST = Integer.getInteger("bench.burst", 10_000);

	private static final int BARE_TRIGGERS = Integer.getInteger("bench.bare-triggers", 3_000);

	/**
	 * How many fires of the reminder job start the burst at once: 1, as the minute's one trigger
	 * fires on a node; more show what overlapping fires (the sweep, other nodes) cost.
	 */
	private static final int FIRES = Integer.getInteger("bench.fires", 1);

	/**
	 * Whether each reminder also starts the reminder-reply conversation ("Will you make it?"), as
	 * with the flows the project ships; {@code -Dbench.reply-flow=false} measures the reminder alone.
	 */
	private static final boolean REPLY_FLOW = Boolean.parseBoolean(System.getProperty("bench.reply-flow", "true"));

	private static final List<ZoneId> ZONES = List.of("Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles",
			"America/Denver", "America/Chicago", "America/New_York", "America/Halifax", "America/St_Johns",
			"America/Sao_Paulo", "Atlantic/Azores", "Europe/London", "Europe/Madrid", "Europe/Athens", "Europe/Moscow",
			"Asia/Tehran", "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Dhaka", "Asia/Bangkok",
			"Asia/Shanghai", "Asia/Tokyo", "Australia/Adelaide").stream().map(ZoneId::of).toList();

	/**
	 * Counts the commands the app sends to the store, and the writes among them: a figure per
	 * hand-off that a busy machine does not move, unlike the rates.
	 */
	static final class StoreCommands implements CommandListener {

		private static final java.util.Set<String> WRITES = java.util.Set.of("insert", "update", "delete",
				"findAndModify");

		final AtomicLong commands = new AtomicLong();

		final AtomicLong writes = new AtomicLong();

		/** Commands by name and collection, e.g. "update reminders", to see where they go. */
		final java.util.Map<String, java.util.concurrent.atomic.LongAdder> byKind = new java.util.concurrent.ConcurrentHashMap<>();

		@Override
		public void commandStarted(CommandStartedEvent event) {
			commands.incrementAndGet();
			org.bson.BsonValue target = event.getCommand().get(event.getCommandName());
			String kind = event.getCommandName() + (target != null && target.isString() ? " " + target.asString().getValue() : "");
			if (Boolean.getBoolean("bench.origins")) {
				kind += " <- " + java.util.Arrays.stream(Thread.currentThread().getStackTrace())
					.filter(f -> f.getClassName().startsWith("org.reconnect") && !f.getClassName().contains("Benchmark"))
					.limit(3).map(f -> f.getClassName().replaceAll(".*\\.", "") + "." + f.getMethodName())
					.collect(java.util.stream.Collectors.joining(" < "));
			}
			byKind.computeIfAbsent(kind, k -> new java.util.concurrent.atomic.LongAdder()).increment();
			if (WRITES.contains(event.getCommandName())) {
				writes.incrementAndGet();
			}
		}

		/** The commands since the last call, most frequent first. */
		String breakdown() {
			StringBuilder text = new StringBuilder();
			byKind.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
				.forEach(entry -> text.append(String.format("%n  %,8d %s", entry.getValue().sum(), entry.getKey())));
			byKind.clear();
			return text.toString();
		}

		long[] now() {
			return new long[] { commands.get(), writes.get(), processCpuNanos() };
		}

		/** Commands, writes and CPU milliseconds per item since {@code from}. */
		String perItem(long[] from, int items) {
			long[] to = now();
			return String.format("%.1f commands (%.1f writes) and %.1f ms of CPU per hand-off", (to[0] - from[0]) / (double) items,
					(to[1] - from[1]) / (double) items, (to[2] - from[2]) / 1e6 / items);
		}

		private static long processCpuNanos() {
			return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
				.getOperatingSystemMXBean()).getProcessCpuTime();
		}
	}

	/** How many hand-offs of this kind the app has started, by its fire-lag meter. */
	private static long handedOff(MeterRegistry registry, String kind) {
		Timer lag = registry.find("reconnect.fire.lag").tag("kind", kind).timer();
		return lag == null ? 0 : lag.count();
	}

	/** Bare Quartz: does nothing but count. */
	public static class NoopJob implements Job {

		static final AtomicInteger fired = new AtomicInteger();

		static final AtomicLong lastFiredAt = new AtomicLong();

		@Override
		public void execute(JobExecutionContext context) {
			fired.incrementAndGet();
			lastFiredAt.accumulateAndGet(System.nanoTime(), Math::max);
		}
	}

	@Test
	void benchmark() throws Exception {
		Path dataDir = Files.createTempDirectory("reconnect-bench");
		// The shipped flows: each reminder also starts reminder-reply (a conversation and a second
		// message); without it (-Dbench.reply-flow=false) only the reminder's own hand-off is measured.
		Path flows = Files.createDirectories(dataDir.resolve("flows"));
		try (var files = Files.list(Path.of("conversation-flows"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
				if (REPLY_FLOW || !file.getFileName().toString().equals("reminder-reply.yaml")) {
					Files.copy(file, flows.resolve(file.getFileName()));
				}
			}
		}
		ShiftedClock clock = new ShiftedClock();
		Instant start = Instant.parse("2030-03-04T00:00:00Z");
		clock.nowIs(start);
		StoreCommands store = new StoreCommands();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReconnectApplication.class)
			.initializers(context -> {
				context.getBeanFactory().registerSingleton("testClock", clock);
				context.getBeanFactory().registerSingleton("benchStoreCommands",
						(MongoClientSettingsBuilderCustomizer) settings -> settings.addCommandListener(store));
			})
			.run("--server.port=0", "--spring.quartz.auto-startup=true", "--reconnect.data-dir=" + dataDir,
					"--reconnect.console.initial-coach.password=bench-pass-2030", "--reconnect.messaging.twilio.account-sid=",
					"--reconnect.messaging.twilio.auth-token=", "--reconnect.flows.directory=" + flows,
					"--logging.level.org.reconnect=WARN", "--logging.level.org.quartz=WARN")) {
			MongoTemplate mongo = app.getBean(MongoTemplate.class);
			Scheduler scheduler = app.getBean(Scheduler.class);
			ReminderEngine engine = app.getBean(ReminderEngine.class);
			CheckInSlots slots = app.getBean(CheckInSlots.class);

			// 1. Schedule everyone: a daily check-in and a weekly meeting reminder each, plus a
			// one-off appointment for BURST of them whose reminder is due at the burst minute.
			Instant burstMinute = Instant.parse("2030-03-05T17:00:00Z");
			long t0 = System.nanoTime();
			List<Document> people = new ArrayList<>();
			List<Object> checkIns = new ArrayList<>();
			List<Reminder> reminders = new ArrayList<>();
			for (int i = 0; i < PARTICIPANTS; i++) {
				ZoneId zone = ZONES.get(i % ZONES.size());
				String id = "bench-" + i;
				people.add(new Document("_id", id).append("name", "P" + i).append("phone", "+1202" + (2000000 + i))
					.append("zone", zone.getId()).append("checkInTime", "09:00").append("language", "en")
					.append("status", "ACTIVE").append("coach", "coach").append("enrolledAt", start)
					.append("quietStart", "00:00").append("quietEnd", "00:00"));
				LocalTime time = LocalTime.of(7 + i % 4, (i % 4) * 15);
				checkIns.add(CheckInTestAccess.schedule(id, zone, time, start));
				// Weekly on Thursdays at 19:00, reminded at 18:00: all after the burst (Tuesday 17:00 UTC).
				reminders.add(planned(id, zone, "2030-03-07T19:00", "FREQ=WEEKLY;BYDAY=TH", start));
				if (i < BURST) {
					String local = burstMinute.plus(Duration.ofHours(1)).atZone(zone).toLocalDateTime().toString();
					reminders.add(planned(id, zone, local, null, start));
				}
			}
			insert(mongo, people, "participants");
			insert(mongo, checkIns, null);
			insert(mongo, reminders, null);
			slots.reconcile();
			ReminderEngine.Repairs repairs = engine.reconcile();
			double scheduleSeconds = (System.nanoTime() - t0) / 1e9;
			assertThat(mongo.count(Query.query(Criteria.where("nextSendAt").is(burstMinute)), Reminder.class))
				.isEqualTo(BURST);

			// 2. The burst: the minute comes; Quartz fires the reminder job (its hand-off threads share the work).
			clock.nowIs(burstMinute);
			long b0 = System.nanoTime();
			store.breakdown();
			long[] burstStart = store.now();
			for (int i = 0; i < FIRES; i++) {
				scheduler.triggerJob(MinuteTriggers.JOB);
			}
			// The reminders themselves; the reply flow's questions go as reminders too, with a conversation's reference.
			Query sent = Query.query(Criteria.where("reference").regex("^reminder:"));
			Query handled = Query.query(Criteria.where("lastSentAt").ne(null));
			Query stillDue = Query.query(Criteria.where("nextSendAt").is(burstMinute));
			// Progress is watched on the app's own hand-off meter, which costs the store nothing: a
			// count every 200 ms read up to 10,000 due reminders and took a tenth of the server's
			// time. The store is asked only once every hand-off has started, to see them all done.
			MeterRegistry registry = app.getBean(MeterRegistry.class);
			await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(50))
				.until(() -> handedOff(registry, "reminder") >= BURST);
			await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
				.until(() -> mongo.count(stillDue, Reminder.class) == 0 && mongo.count(sent, "messages") >= BURST
						&& mongo.count(handled, Reminder.class) >= BURST);
			double burstSeconds = (System.nanoTime() - b0) / 1e9;
			String burstCost = store.perItem(burstStart, BURST) + ":" + store.breakdown();
			List<Document> messages = mongo.find(sent, Document.class, "messages");
			List<Long> lags = new ArrayList<>();
			for (Document message : messages) {
				lags.add(message.getDate("createdAt").toInstant().toEpochMilli() - burstMinute.toEpochMilli());
			}
			lags.sort(null);
			long distinct = new HashSet<>(messages.stream().map(m -> m.getString("to")).toList()).size();

			// 3. A busy hour: every check-in slot due in one UTC hour fires at its time, one slot after
			// the other as Quartz runs them (the slot job is never run twice at once); the clock skips
			// the idle gaps, never the backlog.
			Instant hour = Instant.parse("2030-03-06T13:00:00Z");
			java.util.TreeMap<Instant, List<String>> slotsInHour = new java.util.TreeMap<>();
			java.util.Map<String, Instant> dueByPhone = new java.util.HashMap<>();
			for (int i = 0; i < PARTICIPANTS; i++) {
				String slot = CheckInTestAccess.slot(checkIns.get(i));
				Instant due = CheckInTestAccess.nextDue(slot, hour.minusNanos(1));
				if (due.isBefore(hour.plus(Duration.ofHours(1)))) {
					slotsInHour.computeIfAbsent(due, d -> new ArrayList<>());
					if (!slotsInHour.get(due).contains(slot)) {
						slotsInHour.get(due).add(slot);
					}
					dueByPhone.put("+1202" + (2000000 + i), due);
				}
			}
			// the schedules' next due times as they would be on the morning of that day
			for (var entry : slotsInHour.entrySet()) {
				for (String slot : entry.getValue()) {
					CheckInTestAccess.dueAt(mongo, slot, entry.getKey());
				}
			}
			// The burst's reply conversations ("Will you make it?") expire after 12 hours, as the
			// sweep (every minute) would have found by the busy hour; an open one makes a check-in wait.
			clock.nowIs(hour.minusSeconds(60));
			app.getBean(org.reconnect.flows.ConversationRuntime.class).expireDue();
			long h0 = System.nanoTime();
			long[] hourStart = store.now();
			int started = 0;
			for (var entry : slotsInHour.entrySet()) {
				if (clock.instant().isBefore(entry.getKey())) {
					clock.nowIs(entry.getKey());
				}
				for (String slot : entry.getValue()) {
					started += slots.fire(slot);
				}
			}
			double hourSeconds = (System.nanoTime() - h0) / 1e9;
			String hourCost = store.perItem(hourStart, Math.max(1, dueByPhone.size()));
			List<Long> hourLags = new ArrayList<>();
			// Only the hour's: the burst's "Will you make it?" questions go as CHECK_IN too.
			Query hoursCheckIns = Query.query(Criteria.where("purpose").is("CHECK_IN").and("createdAt").gte(Date.from(hour)));
			for (Document message : mongo.find(hoursCheckIns, Document.class, "messages")) {
				Instant due = dueByPhone.get(message.getString("to"));
				if (due != null) {
					hourLags.add(message.getDate("createdAt").toInstant().toEpochMilli() - due.toEpochMilli());
				}
			}
			hourLags.sort(null);

			// 4. Bare Quartz on the same store: one trigger per item, a no-op job, all due at once.
			JobDetail noop = JobBuilder.newJob(NoopJob.class).withIdentity("noop", "bench").storeDurably().build();
			scheduler.addJob(noop, true);
			Date due = Date.from(Instant.now().plusSeconds(5));
			long q0 = System.nanoTime();
			for (int i = 0; i < BARE_TRIGGERS; i++) {
				scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity("noop-" + i, "bench").forJob(noop.getKey())
					.startAt(due).withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
					.build());
			}
			double bareScheduleSeconds = (System.nanoTime() - q0) / 1e9;
			long dueNanos = System.nanoTime() + Duration.between(Instant.now(), due.toInstant()).toNanos();
			await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
				.until(() -> NoopJob.fired.get() >= BARE_TRIGGERS);
			double bareSeconds = (NoopJob.lastFiredAt.get() - dueNanos) / 1e9;

			System.out.printf("%n=== Reconnect reminder benchmark (embedded stores, %d cores) ===%n",
					Runtime.getRuntime().availableProcessors());
			System.out.printf("participants: %,d over %d zones (%,d check-ins, %,d reminders)%n", PARTICIPANTS,
					ZONES.size(), checkIns.size(), reminders.size());
			System.out.printf("time to schedule them all: %.1f s (ical4j next occurrences, inserts, reconcile: %d reminder triggers)%n",
					scheduleSeconds, repairs.triggersCreated());
			System.out.printf("burst of %,d reminders due in one minute (%s): handed off in %.1f s = %.0f hand-offs/s; lag p50 %.1f s, p99 %.1f s, max %.1f s%n",
					BURST, REPLY_FLOW ? "each also starting reminder-reply" : "reminders alone, no reply flow", burstSeconds, BURST / burstSeconds, lags.get(lags.size() / 2) / 1e3,
					lags.get((int) Math.ceil(lags.size() * 0.99) - 1) / 1e3, lags.get(lags.size() - 1) / 1e3);
			System.out.printf("messages: %,d for %,d distinct numbers (lost: %d, doubled: %d)%n", messages.size(), distinct,
					BURST - distinct, messages.size() - distinct);
			System.out.printf("reply-flow questions: %,d%n", mongo.count(Query.query(Criteria.where("purpose").is("REMINDER")
				.and("reference").not().regex("^reminder:")), "messages"));
			System.out.printf("burst: %s (the benchmark's own polling included)%n", burstCost);
			System.out.printf("bare Quartz, same store: %,d triggers (scheduled in %.1f s) fired in %.1f s = %.0f triggers/s%n%n",
					BARE_TRIGGERS, bareScheduleSeconds, bareSeconds, BARE_TRIGGERS / bareSeconds);
			System.out.printf("busy hour from %s: %d slots, %,d check-ins due, %,d started in %.1f s of work = %.0f check-ins/s; lag from due time to message in the outbox p50 %.1f s, p99 %.1f s%n",
					hour, slotsInHour.values().stream().mapToInt(List::size).sum(), dueByPhone.size(), started, hourSeconds,
					started / hourSeconds, hourLags.get(hourLags.size() / 2) / 1e3,
					hourLags.get((int) Math.ceil(hourLags.size() * 0.99) - 1) / 1e3);
			System.out.printf("busy hour: %s%n%n", hourCost);
			assertThat(messages).hasSize(BURST);
			assertThat(started).as("every check-in due in the busy hour started").isEqualTo(dueByPhone.size());
			assertThat(hourLags).as("one check-in message each").hasSize(dueByPhone.size());
			assertThat(distinct).isEqualTo(BURST);
		}
	}

	private static Reminder planned(String participant, ZoneId zone, String start, String rule, Instant now) {
		Reminder reminder = new Reminder();
		reminder.participantId = participant;
		reminder.title = "Group meeting";
		reminder.zone = zone.getId();
		reminder.start = start;
		reminder.rule = rule;
		reminder.durationMinutes = 60;
		reminder.leads.add(Lead.before(Duration.ofHours(1)).code());
		reminder.createdAt = now;
		reminder.planNext(ReminderPlan.nextSendAfter(reminder, now));
		return reminder;
	}

	private static void insert(MongoTemplate mongo, List<?> documents, String collection) {
		for (int i = 0; i < documents.size(); i += 5_000) {
			List<?> chunk = documents.subList(i, Math.min(documents.size(), i + 5_000));
			if (collection == null) {
				mongo.insertAll(chunk);
			}
			else {
				mongo.insert(chunk, collection);
			}
		}
	}
}
