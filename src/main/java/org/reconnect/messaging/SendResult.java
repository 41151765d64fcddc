package org.reconnect.messaging;

/** What became of a message handed to {@link Messenger#send}, at the moment send returned. */
public record SendResult(String messageId, Outcome outcome) {

	public enum Outcome {
		/** The channel accepted it. */
		SENT,
		/** In the outbox: held for quiet hours, paced, or waiting for a retry; it will be sent or dropped. */
		QUEUED,
		/** Not sent: the recipient opted out. */
		SUPPRESSED,
		/** Not sent: over the daily cap, or no longer useful when its turn came. */
		DROPPED,
		/** The channel refused it for good, or kept failing until the outbox gave up. */
		FAILED
	}

	/**
	 * True when the message is on its way: accepted by the channel, or queued in the outbox, which
	 * then owns it. A queued message that later fails publishes {@link MessageUndelivered}.
	 */
	public boolean sent() {
		return outcome == Outcome.SENT || outcome == Outcome.QUEUED;
	}
}
