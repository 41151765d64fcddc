package org.reconnect.messaging;

import java.time.Instant;
import java.util.List;

/**
 * One message's journey as the message API shows it; no number and no text.
 *
 * @param status the outbox's status: QUEUED, SENT, FAILED, SUPPRESSED, DROPPED
 * @param deliveryStatus Twilio's latest status (queued, sent, delivered, undelivered, failed, read)
 * @param reportedStatuses every status Twilio reported, in the order first seen
 * @param error the channel's error code, or why the message was dropped or could not go
 * @param channel the channel of the last attempt (SMS, WHATSAPP, WEB)
 * @param template the WhatsApp template (Content SID) used outside the session window, or null
 * @param fallbackOf for an SMS fallback, the WhatsApp message it stands in for
 * @param fallbackId for a WhatsApp message that could not go or failed, its SMS fallback
 */
public record MessageView(String id, Purpose purpose, String status, String deliveryStatus,
		List<String> reportedStatuses, int attempts, String error, Instant createdAt, Instant nextAttemptAt,
		Instant sentAt, Instant updatedAt, ChannelKind channel, String template, String fallbackOf,
		String fallbackId) {
}
