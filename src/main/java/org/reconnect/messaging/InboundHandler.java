package org.reconnect.messaging;

/**
 * Something that may act on an inbound message. Handlers are asked in their
 * {@link org.springframework.core.annotation.Order} until one says it handled the message: crisis
 * language first, then the compliance keywords, then consent replies, then conversations.
 */
public interface InboundHandler {

	/** @return true when the message was dealt with and no later handler should see it */
	boolean handle(InboundMessage message);
}
