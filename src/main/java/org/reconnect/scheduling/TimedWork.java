package org.reconnect.scheduling;

/**
 * The due-work plug-in point: work another module keeps due at instants of its own (reminders).
 * Scheduling fires it in the minute it falls due ({@link MinuteTriggers}), lets it finish what a
 * stopped node left pending at the start of each sweep, and runs it again later in the sweep as a
 * backstop for a fire cut short. Each implementation claims its own work, so runs may overlap.
 */
public interface TimedWork {

	/**
	 * Hands over what is due by now.
	 *
	 * @return how many items it handled
	 */
	int fireDue();

	/**
	 * Finishes what a stopped node left claimed but not handed over.
	 *
	 * @return how many it finished
	 */
	int recover();
}
