package org.reconnect.messaging;

import java.time.Instant;

/**
 * Someone wrote to us (after de-duplication): a sign of life. Carries the sender (as the
 * {@link InboundPipeline} found them, before its steps ran) and the message's key, never its text.
 */
public record MessageReceived(String from, String key, Instant at, Sender sender) {
}
