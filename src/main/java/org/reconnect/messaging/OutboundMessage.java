package org.reconnect.messaging;

/**
 * A message to send.
 *
 * @param to the recipient in E.164
 * @param reference what caused it (a conversation or alert id), kept with the record
 */
public record OutboundMessage(String to, String body, Purpose purpose, String reference) {
}
