package org.reconnect.messaging;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * WhatsApp's customer-service window per number: opened by each message the person sends on
 * WhatsApp, for the configured session window (24 hours).
 */
@Component
class WhatsAppWindow {

	private final WhatsAppSessions sessions;
	private final MessagingSettings settings;
	private final Clock clock;

	WhatsAppWindow(WhatsAppSessions sessions, MessagingSettings settings, Clock clock) {
		this.sessions = sessions;
		this.settings = settings;
		this.clock = clock;
	}

	/** The person wrote on WhatsApp: the window opens (again) from now. */
	void opened(String phone) {
		sessions.save(new WhatsAppSession(phone, clock.instant()));
	}

	boolean isOpen(String phone) {
		return sessions.findById(phone)
			.map(session -> session.open(clock.instant(), settings.whatsapp().sessionWindow()))
			.orElse(false);
	}

	/** A participant's erasure. */
	void forget(String phone) {
		sessions.deleteById(phone);
	}
}
