package org.reconnect.coaches;

import org.reconnect.system.Refusal;

/** A coach account with this username exists (another request may have made it a moment ago). */
public class CoachAlreadyExists extends Refusal {

	CoachAlreadyExists() {
		super("problem.detail.username-taken");
	}
}
