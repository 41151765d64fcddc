package org.reconnect.messaging;

/**
 * The ways a participant can be reached. SMS is the default; WHATSAPP goes through Twilio's
 * WhatsApp sender (falling back to SMS when the participant allows it); WEB is the private web
 * chat, used while the participant has an active link (SMS otherwise).
 */
public enum ChannelKind {
	SMS, WHATSAPP, WEB
}
