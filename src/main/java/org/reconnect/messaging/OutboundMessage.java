package org.reconnect.messaging;

import java.time.Instant;

/**
 * A message to send.
 *
 * @param to the recipient in E.164
 * @param reference what caused it (a conversation or alert id), kept with the record
 * @param notAfter when set, the message is dropped (and recorded) rather than sent after this
 * instant, e.g. a reminder for a meeting that has started
 * @param about the participant (id) a message to someone else speaks of, e.g. an alert to an ally
 * or a notice to the coach: when that participant is erased, its text is erased too
 */
public record OutboundMessage(String to, String body, Purpose purpose, String reference, Instant notAfter,
		String about) {

	public OutboundMessage(String to, String body, Purpose purpose, String reference) {
		this(to, body, purpose, reference, null, null);
	}

	public OutboundMessage(String to, String body, Purpose purpose, String reference, Instant notAfter) {
		this(to, body, purpose, reference, notAfter, null);
	}

	/** This message, as one that speaks of the participant with this id. */
	public OutboundMessage about(String participantId) {
		return new OutboundMessage(to, body, purpose, reference, notAfter, participantId);
	}
}
