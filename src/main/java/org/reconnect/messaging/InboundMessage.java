package org.reconnect.messaging;

import java.time.Instant;

/**
 * A message someone sent us, after signature check and de-duplication.
 *
 * @param key the channel's own id (Twilio's MessageSid), unique per message
 * @param from the sender in E.164
 */
public record InboundMessage(String key, String from, String body, Instant receivedAt) {
}
