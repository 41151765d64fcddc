package org.reconnect.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Two nodes enrolling the first participants of a new check-in slot at the same moment both find
 * no trigger for it, and both create one; the second must not fail the enrolment (it answered 500
 * in the two-node proof), and the earlier of the two times must win. Two nodes starting at the
 * same moment both create the sweep's trigger; the second must start all the same. Two nodes
 * firing one slot at once both move its trigger on; the second must not fail its fire.
 */
class TriggersRaceTests {

	@Test
	void aSlotTriggerCreatedByAnotherNodeAMomentAgoIsAdoptedNotAnError() throws Exception {
		Scheduler real = inMemory("triggers-race-tests");
		try {
			String slot = "Europe/Lisbon@07:15";
			Instant mine = Instant.parse("2031-01-02T07:15:00Z");
			new Triggers(real).ensureSlot(slot, mine.plusSeconds(86_400)); // the other node: a day later
			AtomicBoolean staleRead = new AtomicBoolean(true);
			Scheduler racing = (Scheduler) Proxy.newProxyInstance(Scheduler.class.getClassLoader(),
					new Class<?>[] { Scheduler.class }, (proxy, method, args) -> {
						if (method.getName().equals("getTrigger") && staleRead.getAndSet(false)) {
							return null; // read before the other node's trigger was stored
						}
						try {
							return method.invoke(real, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});

			new Triggers(racing).ensureSlot(slot, mine);

			assertThat(real.getTrigger(TriggerKey.triggerKey(slot, Triggers.SLOT_GROUP)).getNextFireTime())
				.isEqualTo(Date.from(mine));
		}
		finally {
			real.shutdown();
		}
	}

	@Test
	void aSlotFiredOnTwoNodesAtOnceIsMovedOnByBothWithoutAnError() throws Exception {
		Scheduler real = inMemory("triggers-race-reschedule-tests");
		try {
			String slot = "Europe/Lisbon@07:20";
			Instant next = Instant.parse("2031-01-03T07:20:00Z");
			new Triggers(real).ensureSlot(slot, next); // the other node's fire moved it on a moment ago
			AtomicBoolean staleRead = new AtomicBoolean(true);
			Scheduler racing = (Scheduler) Proxy.newProxyInstance(Scheduler.class.getClassLoader(),
					new Class<?>[] { Scheduler.class }, (proxy, method, args) -> {
						if ((method.getName().equals("getTrigger") || method.getName().equals("checkExists"))
								&& staleRead.getAndSet(false)) {
							// looked while the other node had taken the fired trigger out to put the next
							return method.getName().equals("checkExists") ? false : null;
						}
						try {
							return method.invoke(real, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});

			new Triggers(racing).rescheduleSlot(slot, next);

			assertThat(staleRead).as("the race was staged").isFalse();
			assertThat(real.getTrigger(TriggerKey.triggerKey(slot, Triggers.SLOT_GROUP)).getNextFireTime())
				.isEqualTo(Date.from(next));
		}
		finally {
			real.shutdown();
		}
	}

	@Test
	void aSweepTriggerCreatedByANodeStartingAtTheSameMomentIsNoError() throws Exception {
		Scheduler real = inMemory("triggers-race-sweep-tests");
		try {
			new Triggers(real).ensureSweep(java.time.Duration.ofMinutes(1)); // the other node
			AtomicBoolean staleRead = new AtomicBoolean(true);
			Scheduler racing = (Scheduler) Proxy.newProxyInstance(Scheduler.class.getClassLoader(),
					new Class<?>[] { Scheduler.class }, (proxy, method, args) -> {
						if (method.getName().equals("checkExists") && args[0] instanceof TriggerKey
								&& staleRead.getAndSet(false)) {
							return false; // looked before the other node's trigger was stored
						}
						try {
							return method.invoke(real, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});

			new Triggers(racing).ensureSweep(java.time.Duration.ofMinutes(1));

			assertThat(staleRead).as("the race was staged").isFalse();
			assertThat(real.getTrigger(TriggerKey.triggerKey("sweep", "reconnect"))).isNotNull();
		}
		finally {
			real.shutdown();
		}
	}

	@Test
	void onPostgreSqlTheSecondInsertFailsOnTheKeyAndThatIsStillNoErrorButAnyOtherStoreFailureIs() throws Exception {
		Scheduler real = inMemory("triggers-race-duplicate-key-tests");
		try {
			AtomicBoolean otherNodeStored = new AtomicBoolean(false);
			// Both nodes found no trigger; the other's insert committed first, so the database refuses
			// this one on its primary key, which Quartz reports as a JobPersistenceException.
			Scheduler racing = (Scheduler) Proxy.newProxyInstance(Scheduler.class.getClassLoader(),
					new Class<?>[] { Scheduler.class }, (proxy, method, args) -> {
						if (method.getName().equals("scheduleJob") && args.length == 1) {
							if (otherNodeStored.get()) {
								new Triggers(real).ensureSweep(java.time.Duration.ofMinutes(1));
							}
							throw new org.quartz.JobPersistenceException(
									"Couldn't store trigger: duplicate key value violates unique constraint \"qrtz_triggers_pkey\"");
						}
						try {
							return method.invoke(real, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});

			org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Triggers(racing).ensureSweep(
					java.time.Duration.ofMinutes(1)))
				.as("nothing stored by anyone: a real failure")
				.isInstanceOf(IllegalStateException.class);

			otherNodeStored.set(true);
			new Triggers(racing).ensureSweep(java.time.Duration.ofMinutes(1));
			assertThat(real.getTrigger(TriggerKey.triggerKey("sweep", "reconnect"))).isNotNull();

		}
		finally {
			real.shutdown();
		}
	}

	/** A scheduler of its own in memory: "the other node" and the store both nodes share. */
	private static Scheduler inMemory(String name) throws Exception {
		Properties properties = new Properties();
		properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
		properties.setProperty("org.quartz.threadPool.threadCount", "1");
		properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
		return new StdSchedulerFactory(properties).getScheduler();
	}
}
