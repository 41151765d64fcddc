package org.reconnect.coaches;

import org.reconnect.system.Refusal;

/** No coach account by that username. */
public class CoachNotFound extends Refusal {

	CoachNotFound(String username) {
		super("problem.detail.coach-not-found", username);
	}
}
