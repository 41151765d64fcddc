package org.reconnect.simulator;

/** Someone asked to jump the clock where time must stay real (a Twilio account is configured). */
public class DemoTimeUnavailable extends RuntimeException {

	public DemoTimeUnavailable(String reason) {
		super(reason);
	}
}
