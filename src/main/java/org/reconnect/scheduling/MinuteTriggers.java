package org.reconnect.scheduling;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import org.quartz.JobKey;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One-shot Quartz triggers by the minute, for {@link TimedWork}: the trigger of a minute runs
 * every {@link TimedWork#fireDue()} then, so everything due within that minute goes in one fire.
 * Each kind of timed work keeps its minutes in a group of its own ({@link #inGroup}), so one kind's
 * reconciliation never removes a trigger another kind needs.
 */
@Component
public class MinuteTriggers {

	/** The Quartz group of the reminders' minute triggers, each named by its minute (ISO-8601); kept in the store. */
	public static final String GROUP = "reminder-minutes";

	/** The Quartz job the minute triggers fire; kept in the store. */
	public static final JobKey JOB = JobKey.jobKey("reminders", "reconnect");

	private final Triggers triggers;

	private final String group;

	@Autowired
	MinuteTriggers(Triggers triggers) {
		this(triggers, GROUP);
	}

	private MinuteTriggers(Triggers triggers, String group) {
		this.triggers = triggers;
		this.group = group;
	}

	/** The minute triggers of another kind of timed work, in {@code group}; they fire the same job. */
	public MinuteTriggers inGroup(String group) {
		return new MinuteTriggers(triggers, group);
	}

	/** The minute whose trigger fires for work due at {@code at}: {@code at} rounded up to the whole minute. */
	public static Instant minuteOf(Instant at) {
		return Triggers.reminderMinute(at);
	}

	/**
	 * Makes sure the minute of {@code at} has its trigger.
	 *
	 * @return true when it was missing and has been created
	 */
	public boolean ensure(Instant at) {
		return triggers.ensureMinute(group, at);
	}

	/** The minutes that have a trigger. */
	public Set<Instant> planned() {
		return triggers.minuteTriggers(group).stream().map(key -> Instant.parse(key.getName())).collect(Collectors.toSet());
	}

	/**
	 * Removes the trigger of {@code minute}, if it has one.
	 *
	 * @return whether it had one
	 */
	public boolean remove(Instant minute) {
		TriggerKey key = TriggerKey.triggerKey(minute.toString(), group);
		if (!triggers.minuteTriggers(group).contains(key)) {
			return false;
		}
		triggers.remove(key);
		return true;
	}
}
