package org.reconnect.flows;

/** A flow file that cannot be loaded; the message names the file, where, and what to do. */
public class FlowInvalid extends RuntimeException {

	public FlowInvalid(String message) {
		super(message);
	}
}
