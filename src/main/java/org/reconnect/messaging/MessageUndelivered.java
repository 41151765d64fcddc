package org.reconnect.messaging;

/**
 * A message that was accepted for sending (so {@link SendResult#sent()} was true) never reached
 * the phone: the outbox gave up, or Twilio reported it undelivered or failed.
 *
 * @param messageId the outbox entry
 * @param reference what caused it, as given in {@link OutboundMessage#reference()}
 */
public record MessageUndelivered(String messageId, String reference, Purpose purpose) {
}
