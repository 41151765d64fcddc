package org.reconnect.routines;

import org.reconnect.system.Refusal;

/** The participant has no routine of that flow. */
public class RoutineNotFound extends Refusal {

	public RoutineNotFound(String flow) {
		super("problem.detail.routine-not-found", flow);
	}
}
