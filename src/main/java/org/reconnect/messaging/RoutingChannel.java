package org.reconnect.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.reconnect.messaging.ContactPreferences.Contact;

/**
 * Picks the channel per message: WhatsApp for someone who chose it; else the web chat for a number
 * with an active link; else SMS (Twilio, or the simulator). An SMS fallback always goes by SMS. A
 * new channel is one more branch here and nothing in the flows.
 */
class RoutingChannel implements Channel {

	private final Channel sms;
	private final WhatsAppChannel whatsApp;
	private final WebChats webChats;
	private final Contacts contacts;

	RoutingChannel(Channel sms, WhatsAppChannel whatsApp, WebChats webChats, Contacts contacts) {
		this.sms = sms;
		this.whatsApp = whatsApp;
		this.webChats = webChats;
		this.contacts = contacts;
	}

	/** The SMS sender: its pace is the one kept (WhatsApp shares it). */
	@Override
	public String sender() {
		return sms.sender();
	}

	@Override
	public ChannelResult send(String to, String body) {
		return webChats.reaches(to) ? webChats.deliver(to, body) : sms.send(to, body);
	}

	/** Each entry's route (the number's chosen channel, an active web chat) in two lookups for all. */
	@Override
	public void prepare(Collection<MessageRecord> batch) {
		Set<String> phones = new HashSet<>();
		batch.forEach(message -> phones.add(message.to));
		Map<String, Contact> chosen = contacts.of(phones);
		Set<String> onWebChat = webChats.reaching(phones);
		for (MessageRecord message : batch) {
			message.contact = chosen.get(message.to);
			message.onWebChat = onWebChat.contains(message.to);
		}
	}

	/**
	 * Asks the route the entry would take now: SMS keeps a history to ask; WhatsApp and the web chat
	 * answer nothing found, so such an entry goes again (at least once).
	 */
	@Override
	public Optional<List<Accepted>> acceptedSince(MessageRecord message, Instant since) {
		if (message.fallbackOf == null && (contacts.of(message.to).channel() == ChannelKind.WHATSAPP
				|| webChats.reaches(message.to))) {
			return Optional.of(List.of());
		}
		return sms.acceptedSince(message, since);
	}

	@Override
	public ChannelResult send(MessageRecord message) {
		message.contentSid = null;
		if (message.fallbackOf == null) {
			Contact contact = message.contact != null ? message.contact : contacts.of(message.to);
			if (contact.channel() == ChannelKind.WHATSAPP) {
				return whatsApp.send(message, contact);
			}
			if (message.onWebChat != null ? message.onWebChat : webChats.reaches(message.to)) {
				message.channel = ChannelKind.WEB;
				return webChats.deliver(message.to, message.body);
			}
		}
		message.channel = ChannelKind.SMS;
		return sms.send(message.to, message.body);
	}
}
