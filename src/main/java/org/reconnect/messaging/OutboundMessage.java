package org.reconnect.messaging;

import java.time.Instant;

/**
 * A message to send.
 *
 * @param to the recipient in E.164
 * @param reference what caused it (a conversation or alert id), kept with the record
 * @param notAfter when set, the message is dropped (and recorded) rather than sent after this
 * instant, e.g. a reminder for a meeting that has started
 */
public record OutboundMessage(String to, String body, Purpose purpose, String reference, Instant notAfter) {

	public OutboundMessage(String to, String body, Purpose purpose, String reference) {
		this(to, body, purpose, reference, null);
	}
}
