package org.reconnect.messaging;

import java.time.Instant;
import java.util.List;

/**
 * Messages the channel accepted, announced once their outcome is written: one event per batch
 * (or per message sent on its own), so that whoever caused them can count them as gone out
 * without a lookup per message. Only messages that carry a reference are listed.
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
