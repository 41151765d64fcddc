package org.reconnect.messaging;

import java.util.UUID;

import org.reconnect.system.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for Twilio when no account is configured: a message is "delivered" by being recorded,
 * so it shows in the simulator API and, masked, in the log. WhatsApp too: the message is marked
 * WHATSAPP (and with its template outside the window, which is kept as with Twilio); it stays
 * "sent" so a simulated status (POST /api/simulator/status) can still report it undelivered.
 */
class SimulatorChannel implements Channel, WhatsAppCarrier {

	private static final Logger log = LoggerFactory.getLogger(SimulatorChannel.class);

	/** No carrier, no pace to keep. */
	@Override
	public String sender() {
		return null;
	}

	@Override
	public ChannelResult send(String to, String body) {
		String id = "SIM" + UUID.randomUUID().toString().replace("-", "");
		log.info("Simulator delivered {} to {} ({}); read it at GET /api/simulator/messages", id, Masking.phone(to),
				Masking.text(body));
		return new Accepted(id, "delivered");
	}

	@Override
	public String whatsAppSender() {
		return null;
	}

	@Override
	public ChannelResult sendWhatsApp(String to, WhatsAppContent content) {
		String id = "SIMWA" + UUID.randomUUID().toString().replace("-", "");
		log.info("Simulator sent WhatsApp {} to {} ({}); read it at GET /api/simulator/messages", id,
				Masking.phone(to), content.isTemplate() ? "template " + content.contentSid() : Masking.text(content.body()));
		return new Accepted(id, "sent");
	}
}
