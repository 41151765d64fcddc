package org.reconnect.coaches;

/** A coach account with this username exists (another request may have made it a moment ago). */
public class CoachAlreadyExists extends RuntimeException {

	CoachAlreadyExists() {
		super("is taken: choose another username");
	}
}
