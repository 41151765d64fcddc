package org.reconnect.messaging;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Applies Twilio's delivery status callbacks. They may come twice and out of order, so a status
 * only ever moves forward (queued, then sent, then delivered / undelivered / failed) and a repeat
 * changes nothing. A check-in Twilio could not deliver is announced so it never counts as missed;
 * a WhatsApp message that failed is first handed to the SMS fallback, and announced only when
 * there is none.
 */
@Service
class StatusCallbacks {

	private static final Map<String, Integer> RANKS = Map.of("accepted", 1, "scheduled", 1, "queued", 1, "sending", 1,
			"sent", 2, "delivered", 3, "undelivered", 3, "failed", 3, "read", 4);

	private final Outbox outbox;
	private final OptOuts optOuts;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SmsFallback fallback;
	private final Dispatcher dispatcher;
	private final MessagingMeters meters;

	StatusCallbacks(Outbox outbox, OptOuts optOuts, ApplicationEventPublisher events, Clock clock,
			SmsFallback fallback, Dispatcher dispatcher, MessagingMeters meters) {
		this.meters = meters;
		this.outbox = outbox;
		this.fallback = fallback;
		this.dispatcher = dispatcher;
		this.optOuts = optOuts;
		this.events = events;
		this.clock = clock;
	}

	static int rank(String status) {
		return status == null ? 0 : RANKS.getOrDefault(status.toLowerCase(), 0);
	}

	/** @return false when the status is unknown or no message has that provider id */
	boolean apply(String providerId, String status, String errorCode) {
		String normalised = status == null ? "" : status.toLowerCase();
		int rank = rank(normalised);
		if (rank == 0) {
			return false;
		}
		Optional<MessageRecord> moved = outbox.report(providerId, normalised, rank, clock.instant());
		if (moved.isEmpty()) {
			return false;
		}
		MessageRecord record = moved.get();
		if ("undelivered".equals(normalised) || "failed".equals(normalised)) {
			meters.undelivered(errorCode);
			if (Dispatcher.UNSUBSCRIBED.equals(errorCode) && !optOuts.existsById(record.to)) {
				optOuts.save(new OptOut(record.to, clock.instant()));
				events.publishEvent(new OptOutChanged(record.to, true));
			}
			if (errorCode != null && !errorCode.isBlank()) {
				record.error = errorCode;
				outbox.note(record.id, new Update().set("error", errorCode));
			}
			Optional<MessageRecord> replaced = fallback.replace(record);
			if (replaced.isPresent()) {
				dispatcher.attemptNow(replaced.get()); // else the background dispatcher sends it
			}
			else {
				events.publishEvent(new MessageUndelivered(record.id, record.reference, record.purpose));
			}
		}
		return true;
	}
}
