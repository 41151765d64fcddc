package org.reconnect.simulator;

/** Someone asked to jump the clock where time must stay real (a Twilio account is configured). */
public class DemoTimeUnavailable extends RuntimeException {

	private final String reason;

	/** @param reason why, as a key of messages/problems*.properties */
	public DemoTimeUnavailable(String reason) {
		super(reason);
		this.reason = reason;
	}

	/** Why, as a key of messages/problems*.properties. */
	public String reason() {
		return reason;
	}
}
