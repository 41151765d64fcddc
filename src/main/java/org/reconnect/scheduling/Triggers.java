package org.reconnect.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.stereotype.Component;

/**
 * The Quartz side: one durable job per kind of work, one one-shot trigger per check-in slot
 * (rescheduled after each fire to the next occurrence), one one-shot trigger per minute in which
 * reminders fall due (made again for the next minute after each fire), one repeating trigger for
 * the sweep.
 * A one-shot trigger that fell due while every node was down fires as soon as one is back
 * (misfire: fire now); the slot job then decides, by the late limit, what is still worth sending.
 */
@Component
class Triggers {

	static final String SLOT_GROUP = "check-in-slots";
	static final JobKey SLOT_JOB = JobKey.jobKey("check-in-slot", "reconnect");
	static final JobKey SWEEP_JOB = JobKey.jobKey("sweep", "reconnect");
	static final TriggerKey SWEEP_TRIGGER = TriggerKey.triggerKey("sweep", "reconnect");
	static final String SLOT = "slot";
	static final String REMINDER_GROUP = MinuteTriggers.GROUP;
	static final JobKey REMINDER_JOB = MinuteTriggers.JOB;

	private final Scheduler scheduler;

	Triggers(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/** Makes the slot's trigger fire at {@code at}, unless it already fires earlier. */
	void ensureSlot(String slot, Instant at) {
		try {
			ensureJobs();
			putSlot(slot, at, true);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("could not schedule check-in slot " + slot, ex);
		}
	}

	/** Moves the slot's trigger to its next occurrence; called by the job that just fired it. */
	void rescheduleSlot(String slot, Instant at) {
		try {
			putSlot(slot, at, false);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("could not reschedule check-in slot " + slot, ex);
		}
	}

	/**
	 * Puts the slot's one trigger, built in this one place, at {@code at}; with {@code keepEarlier},
	 * not when it already fires earlier.
	 */
	private void putSlot(String slot, Instant at, boolean keepEarlier) throws SchedulerException {
		TriggerKey key = slotKey(slot);
		for (int attempt = 1;; attempt++) {
			Trigger existing = scheduler.getTrigger(key);
			if (keepEarlier && existing != null && existing.getNextFireTime() != null
					&& !existing.getNextFireTime().toInstant().isAfter(at)) {
				return;
			}
			Trigger trigger = oneShot(key, SLOT_JOB, at).usingJobData(SLOT, slot).build();
			try {
				if (existing == null) {
					scheduler.scheduleJob(trigger);
				}
				else {
					scheduler.rescheduleJob(key, trigger);
				}
				return;
			}
			catch (SchedulerException ex) {
				// Another node put this slot's trigger a moment ago (both fired it, or both created
				// it): look again at what it chose.
				if (attempt == 2 || !madeByAnother(ex, scheduler.checkExists(key))) {
					throw ex;
				}
			}
		}
	}

	private static TriggerKey slotKey(String slot) {
		return TriggerKey.triggerKey(slot, SLOT_GROUP);
	}

	/** A trigger that fires {@code job} once at {@code at}; one that fell due while every node was down fires at once. */
	private static TriggerBuilder<SimpleTrigger> oneShot(TriggerKey key, JobKey job, Instant at) {
		return TriggerBuilder.newTrigger()
			.withIdentity(key)
			.forJob(job)
			.startAt(Date.from(at))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow());
	}

	Optional<Instant> slotFireTime(String slot) {
		try {
			Trigger trigger = scheduler.getTrigger(slotKey(slot));
			return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Set<TriggerKey> slotTriggers() {
		try {
			return scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(SLOT_GROUP));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void remove(TriggerKey key) {
		try {
			scheduler.unscheduleJob(key);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The repeating sweep of deadlines; created once, kept by the store across restarts. */
	void ensureSweep(Duration every) {
		try {
			ensureJobs();
			if (!scheduler.checkExists(SWEEP_TRIGGER)) {
				try {
					scheduler.scheduleJob(TriggerBuilder.newTrigger()
						.withIdentity(SWEEP_TRIGGER)
						.forJob(SWEEP_JOB)
						.startNow()
						.withSchedule(SimpleScheduleBuilder.simpleSchedule()
							.withIntervalInMilliseconds(every.toMillis())
							.repeatForever()
							.withMisfireHandlingInstructionNextWithRemainingCount())
						.build());
				}
				catch (SchedulerException ex) {
					// Another node starting at the same moment created it: one sweep trigger is all it takes.
					if (!madeByAnother(ex, scheduler.checkExists(SWEEP_TRIGGER))) {
						throw ex;
					}
				}
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("could not schedule the sweep", ex);
		}
	}

	/**
	 * The minute a reminder's trigger fires for a send due at {@code at}: the send's time rounded up
	 * to the whole minute, so every send due within that minute is claimed by one fire.
	 */
	static Instant reminderMinute(Instant at) {
		Instant floor = at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		return floor.equals(at) ? floor : floor.plusSeconds(60);
	}

	/**
	 * Makes sure a one-shot trigger fires the reminder job at the minute of {@code at}.
	 *
	 * @return true when a trigger was missing and has been created
	 */
	boolean ensureReminderMinute(Instant at) {
		return ensureMinute(REMINDER_GROUP, at);
	}

	/** {@link #ensureReminderMinute} for the minute triggers of {@code group} (each kind of timed work its own). */
	boolean ensureMinute(String group, Instant at) {
		Instant minute = reminderMinute(at);
		TriggerKey key = TriggerKey.triggerKey(minute.toString(), group);
		try {
			ensureJobs();
			if (scheduler.checkExists(key)) {
				return false;
			}
			scheduler.scheduleJob(oneShot(key, REMINDER_JOB, minute).build());
			return true;
		}
		catch (SchedulerException ex) {
			if (madeByAnother(ex, exists(key))) {
				return false;
			}
			throw new IllegalStateException("could not schedule the reminders due at " + minute, ex);
		}
	}

	Set<TriggerKey> reminderTriggers() {
		return minuteTriggers(REMINDER_GROUP);
	}

	Set<TriggerKey> minuteTriggers(String group) {
		try {
			return scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(group));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether a failed store means another node stored the same key a moment earlier: Quartz says so
	 * with ObjectAlreadyExistsException when it sees the row first, but on PostgreSQL two nodes can
	 * both pass that check and the second insert fails on the primary key instead.
	 */
	static boolean madeByAnother(SchedulerException ex, boolean existsNow) {
		return ex instanceof org.quartz.ObjectAlreadyExistsException
				|| ex instanceof org.quartz.JobPersistenceException && existsNow;
	}

	private boolean exists(TriggerKey key) {
		try {
			return scheduler.checkExists(key);
		}
		catch (SchedulerException ex) {
			return false;
		}
	}

	private void ensureJobs() throws SchedulerException {
		addIfMissing(JobBuilder.newJob(CheckInSlotJob.class).withIdentity(SLOT_JOB).storeDurably().build());
		addIfMissing(JobBuilder.newJob(SweepJob.class).withIdentity(SWEEP_JOB).storeDurably().build());
		// Recovery: if a node dies while sending reminders, another node runs the job again at once.
		addIfMissing(JobBuilder.newJob(ReminderJob.class).withIdentity(REMINDER_JOB).storeDurably().requestRecovery().build());
	}

	private void addIfMissing(JobDetail job) throws SchedulerException {
		if (!scheduler.checkExists(job.getKey())) {
			try {
				scheduler.addJob(job, false);
			}
			catch (SchedulerException ex) {
				// another node added it a moment ago
				if (!madeByAnother(ex, scheduler.checkExists(job.getKey()))) {
					throw ex;
				}
			}
		}
	}
}
