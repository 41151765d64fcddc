package org.reconnect.routines;

/** The participant has no routine of that flow. */
public class RoutineNotFound extends RuntimeException {

	public RoutineNotFound(String flow) {
		super("The participant has no routine of flow '" + flow + "': GET their routines to see which they have.");
	}
}
