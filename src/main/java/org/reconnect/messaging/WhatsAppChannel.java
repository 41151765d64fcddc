package org.reconnect.messaging;

import java.util.Optional;

import org.reconnect.messaging.ContactPreferences.Contact;
import org.reconnect.system.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WhatsApp: free-form text inside the customer-service window (the 24 hours after the person last
 * wrote to us on WhatsApp); outside it, the approved template for the message's purpose and the
 * person's language. With no such template nothing is sent: the message is refused with
 * {@link #NO_TEMPLATE}, and the dispatcher hands it to the SMS fallback when the person allows it.
 */
class WhatsAppChannel implements Channel {

	private static final Logger log = LoggerFactory.getLogger(WhatsAppChannel.class);

	/** Outside the window with no approved template for the purpose and language. */
	static final String NO_TEMPLATE = "whatsapp-no-template";

	private final WhatsAppCarrier carrier;
	private final WhatsAppWindow window;
	private final WhatsAppTemplates templates;
	private final Contacts contacts;

	WhatsAppChannel(WhatsAppCarrier carrier, WhatsAppWindow window, WhatsAppTemplates templates, Contacts contacts) {
		this.carrier = carrier;
		this.window = window;
		this.templates = templates;
		this.contacts = contacts;
	}

	@Override
	public String sender() {
		return carrier.whatsAppSender();
	}

	/** Free-form text: only for someone inside the window. */
	@Override
	public ChannelResult send(String to, String body) {
		return carrier.sendWhatsApp(to, WhatsAppCarrier.WhatsAppContent.text(body));
	}

	@Override
	public ChannelResult send(MessageRecord message) {
		return send(message, contacts.of(message.to));
	}

	ChannelResult send(MessageRecord message, Contact contact) {
		message.channel = ChannelKind.WHATSAPP;
		message.contentSid = null;
		if (window.isOpen(message.to)) {
			return send(message.to, message.body);
		}
		Optional<WhatsAppCarrier.WhatsAppContent> template = templates.fill(message.purpose, contact.language(),
				contact.firstName(), message.body);
		if (template.isEmpty()) {
			log.info("Not sending {} message {} to {} on WhatsApp: outside the session window, and no template {} in '{}'",
					message.purpose, message.id, Masking.phone(message.to), WhatsAppTemplates.nameOf(message.purpose),
					contact.language());
			return new Rejected(NO_TEMPLATE);
		}
		message.contentSid = template.get().contentSid();
		return carrier.sendWhatsApp(message.to, template.get());
	}
}
