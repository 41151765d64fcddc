package org.reconnect.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Every outbound message, whatever became of it; while QUEUED it is an outbox entry. A dispatcher
 * owns it only while its lease runs; the delivery status from Twilio's callbacks only moves forward.
 */
/** The dispatcher's claim order, and the daily cap's count per number. */
@Document("messages")
@CompoundIndex(name = "due", def = "{'status': 1, 'priority': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "recipient", def = "{'to': 1, 'sentAt': 1}")
class MessageRecord {

	enum Status {
		/** In the outbox, waiting for its turn, for quiet hours to end, or for a retry. */
		QUEUED,
		/** Accepted by the channel. */
		SENT,
		/** Refused for good, or the attempts ran out. */
		FAILED,
		/** Not sent: the number opted out. */
		SUPPRESSED,
		/** Not sent: over the daily cap, or past its notAfter when its turn came. */
		DROPPED
	}

	static final Instant NEVER = Instant.EPOCH;

	@Id
	String id;

	String to;

	String body;

	Purpose purpose;

	String reference;

	/** The participant a message to someone else speaks of; see {@link OutboundMessage#about()}. */
	@Indexed(sparse = true)
	String about;

	Status status;

	/** 0 before 1; see {@link Purpose#priority()}. */
	int priority;

	/** When the next attempt may be made: now, the end of quiet hours, or after a backoff. */
	Instant nextAttemptAt;

	Instant notAfter;

	int attempts;

	@Indexed(sparse = true)
	String leaseOwner;

	/** A claim holds until then; {@link #NEVER} when free. */
	Instant leaseUntil = NEVER;

	/**
	 * Set when the entry is taken over from a dispatcher whose lease ran out while it held it: the
	 * earliest moment that dispatcher may have handed it to the channel. Before sending it again, the
	 * next dispatcher asks the channel what it accepted since then ({@link Channel#acceptedSince}),
	 * so a message that went before its sender stopped is recorded, not sent twice.
	 */
	Instant inDoubtSince;

	@Indexed(sparse = true)
	String providerId;

	/** Twilio's last status (queued, sent, delivered, undelivered, failed); moves only forward. */
	String deliveryStatus;

	int deliveryRank;

	/** Every status Twilio reported, in the order first seen. */
	List<String> reportedStatuses = new ArrayList<>();

	String error;

	/** The channel of the last attempt; set in advance (SMS) for a fallback. */
	ChannelKind channel;

	/** The WhatsApp template (Content SID) the last attempt used; null for free-form text. */
	String contentSid;

	/** On an SMS fallback: the WhatsApp message it stands in for. */
	String fallbackOf;

	/** On a WhatsApp message that could not go or failed: its one SMS fallback. */
	String fallbackId;

	Instant createdAt;

	/**
	 * Where a batch's first attempt goes, looked up for the whole batch at once (see
	 * {@code Dispatcher.attemptAll}); null otherwise, when the channel looks it up itself. Never stored.
	 */
	@Transient
	ContactPreferences.Contact contact;

	/** With {@link #contact}: whether the number has an active web chat link. Never stored. */
	@Transient
	Boolean onWebChat;

	Instant sentAt;

	Instant updatedAt;

	static MessageRecord of(OutboundMessage message, Status status, Instant now) {
		MessageRecord record = new MessageRecord();
		record.to = message.to();
		record.body = message.body();
		record.purpose = message.purpose();
		record.reference = message.reference();
		record.about = message.about();
		record.notAfter = message.notAfter();
		record.priority = message.purpose().priority();
		record.status = status;
		record.nextAttemptAt = now;
		record.createdAt = now;
		record.updatedAt = now;
		return record;
	}

	/** Adds the route the channel took on this attempt (channel, template) to an outcome's update. */
	Update routed(Update update) {
		if (channel != null) {
			update.set("channel", channel).set("contentSid", contentSid);
		}
		return update;
	}

	SentMessage view() {
		return new SentMessage(id, to, body, purpose, status.name(), providerId, createdAt, channel, contentSid,
				fallbackOf);
	}

	MessageView detail() {
		return new MessageView(id, purpose, status.name(), deliveryStatus, List.copyOf(reportedStatuses), attempts,
				error, createdAt, nextAttemptAt, sentAt, updatedAt, channel, contentSid, fallbackOf, fallbackId);
	}
}
