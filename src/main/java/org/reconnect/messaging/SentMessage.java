package org.reconnect.messaging;

import java.time.Instant;

/**
 * An outbound message as the simulator and the console show it.
 *
 * @param channel the channel it went by (SMS, WHATSAPP, WEB), null while it has not been tried
 * @param template the WhatsApp template (Content SID) used instead of free-form text, or null
 * @param fallbackOf for an SMS fallback, the id of the WhatsApp message it stands in for
 */
public record SentMessage(String id, String to, String body, Purpose purpose, String status, String providerId,
		Instant createdAt, ChannelKind channel, String template, String fallbackOf) {
}
