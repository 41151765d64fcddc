package org.reconnect.messaging;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Every outbound message, whatever became of it. */
@Document("messages")
class MessageRecord {

	enum Status {
		QUEUED, SENT, FAILED, SUPPRESSED
	}

	@Id
	String id;

	String to;

	String body;

	Purpose purpose;

	String reference;

	Status status;

	String providerId;

	String error;

	Instant createdAt;

	static MessageRecord of(OutboundMessage message, Status status, Instant now) {
		MessageRecord record = new MessageRecord();
		record.to = message.to();
		record.body = message.body();
		record.purpose = message.purpose();
		record.reference = message.reference();
		record.status = status;
		record.createdAt = now;
		return record;
	}

	SentMessage view() {
		return new SentMessage(id, to, body, purpose, status.name(), providerId, createdAt);
	}
}
