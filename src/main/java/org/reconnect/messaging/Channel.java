package org.reconnect.messaging;

/** One way of carrying a text to a phone: Twilio, or the simulator that stands in for it. */
interface Channel {

	ChannelResult send(String to, String body);

	/** What the channel said about one message. */
	sealed interface ChannelResult {
	}

	/** @param providerId the channel's id for the message (Twilio's MessageSid) */
	record Accepted(String providerId) implements ChannelResult {
	}

	/** @param code the channel's error code, e.g. Twilio's 21610 */
	record Rejected(String code, String reason) implements ChannelResult {
	}
}
