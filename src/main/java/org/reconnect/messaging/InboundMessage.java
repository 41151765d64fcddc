package org.reconnect.messaging;

import java.time.Instant;

/**
 * A message someone sent us, after signature check and de-duplication.
 *
 * @param key the channel's own id (Twilio's MessageSid), unique per message
 * @param from the sender in E.164
 */
public record InboundMessage(String key, String from, String body, Instant receivedAt) {

	/** How the web chat's keys begin. */
	static final String WEB_CHAT = "web:";

	/** Whether it was written in the web chat: its number is the link's, not a phone the person holds. */
	public boolean viaWebChat() {
		return key.startsWith(WEB_CHAT);
	}
}
