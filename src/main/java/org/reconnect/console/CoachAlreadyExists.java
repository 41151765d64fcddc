package org.reconnect.console;

/** A coach account with this username exists (another request may have made it a moment ago). */
class CoachAlreadyExists extends RuntimeException {

	CoachAlreadyExists() {
		super("is taken: choose another username");
	}
}
