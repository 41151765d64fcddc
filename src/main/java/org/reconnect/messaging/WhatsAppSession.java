package org.reconnect.messaging;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When a number last wrote to us on WhatsApp: it opens WhatsApp's customer-service window, inside
 * which free-form text may be sent; outside it only approved templates go.
 */
@Document("whatsapp_sessions")
class WhatsAppSession {

	/** The number in E.164. */
	@Id
	String phone;

	Instant lastInboundAt;

	WhatsAppSession() {
	}

	WhatsAppSession(String phone, Instant lastInboundAt) {
		this.phone = phone;
		this.lastInboundAt = lastInboundAt;
	}

	boolean open(Instant now, Duration window) {
		return lastInboundAt != null && now.isBefore(lastInboundAt.plus(window));
	}
}
