package org.reconnect.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One way of carrying a text to a person: Twilio SMS or WhatsApp, the web chat, or the simulator
 * that stands in for Twilio. The outbox decides when a message goes; a channel only tries once and
 * says what happened.
 */
interface Channel {

	/** The sender whose pace is limited, e.g. a Twilio number or Messaging Service; null for none. */
	String sender();

	ChannelResult send(String to, String body);

	/**
	 * One attempt at an outbox entry. A channel that needs more than the number and the text (its
	 * purpose, to choose a WhatsApp template) overrides this, and notes on the record the route it
	 * took ({@link MessageRecord#channel}, {@link MessageRecord#contentSid}) for the dispatcher to
	 * keep with the outcome.
	 */
	default ChannelResult send(MessageRecord message) {
		return send(message.to, message.body);
	}

	/**
	 * Called before a batch of entries is attempted one after the other: a channel that looks
	 * something up for each attempt (the route) may look it up for the whole batch at once here and
	 * note it on the records.
	 */
	default void prepare(Collection<MessageRecord> batch) {
	}

	/**
	 * What this channel accepted for the entry's recipient and text at or after {@code since},
	 * newest first: asked before an entry is sent again after the dispatcher that held it stopped
	 * mid-way ({@link MessageRecord#inDoubtSince}), since no carrier here takes an idempotency key.
	 * Empty when the channel could not be asked (try later). A channel that keeps no history of its
	 * own answers an empty list, and the entry goes again: at least once rather than never.
	 */
	default Optional<List<Accepted>> acceptedSince(MessageRecord message, Instant since) {
		return Optional.of(List.of());
	}

	/** What the channel said about one attempt. */
	sealed interface ChannelResult {
	}

	/**
	 * @param providerId the channel's id for the message (Twilio's MessageSid)
	 * @param status the channel's first status, e.g. "queued"
	 */
	record Accepted(String providerId, String status) implements ChannelResult {
	}

	/** Refused for good: trying again cannot help. @param code the channel's error code, e.g. 21610 */
	record Rejected(String code) implements ChannelResult {
	}

	/**
	 * Not reached, or asked to slow down (network error, timeout, 429, 5xx): worth another try.
	 *
	 * @param retryAfter what the channel asked us to wait, or null
	 */
	record Unavailable(String code, Duration retryAfter) implements ChannelResult {
	}
}
