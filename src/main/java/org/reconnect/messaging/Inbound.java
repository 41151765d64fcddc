package org.reconnect.messaging;

/** An inbound message with its sender, looked up once, as each step of the {@link InboundPipeline} sees it. */
public record Inbound(InboundMessage message, Sender sender) {
}
