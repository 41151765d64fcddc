package org.reconnect.messaging;

import java.time.Instant;
import java.util.List;

/**
 * Messages the outbox's background dispatcher sent (the channel accepted them), announced once
 * their outcome is written: one event per batch, so that whoever caused them can count them as
 * gone out without a lookup per message. Only messages that carry a reference are listed. A
 * message sent at once, in the caller's thread, is not announced: the caller has its result
 * ({@link SendResult.Outcome#SENT}), as with {@link MessageUndelivered}.
 *
 * @param messages what went, in the order it went
 */
public record MessagesSent(List<Sent> messages) {

	public MessagesSent {
		messages = List.copyOf(messages);
	}

	/**
	 * @param reference what caused it, as given in {@link OutboundMessage#reference()}
	 * @param sentAt when the channel accepted it
	 */
	public record Sent(String messageId, String reference, Purpose purpose, Instant sentAt) {
	}
}
