package org.reconnect.messaging;

/** What became of a message handed to {@link Messenger#send}. */
public record SendResult(String messageId, Outcome outcome) {

	public enum Outcome {
		/** The channel accepted it. */
		SENT,
		/** Not sent: the recipient opted out. */
		SUPPRESSED,
		/** The channel refused it or could not be reached. */
		FAILED
	}

	public boolean sent() {
		return outcome == Outcome.SENT;
	}
}
