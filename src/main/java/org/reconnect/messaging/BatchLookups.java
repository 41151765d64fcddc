package org.reconnect.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reconnect.messaging.RecipientPolicy.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A batch's lookups: the opt-outs of its numbers, who they are (zone, quiet hours, cap), their
 * routes, and the scheduled messages they were sent in the last two days, read once; what the
 * batch itself sends counts against the cap as it goes. Its outcomes are written together.
 */
final class BatchLookups implements SendLookups {

	// Logged as the dispatcher, whose work this is.
	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final Outbox outbox;
	private final OptOuts optOuts;
	private final RecipientRules recipients;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Set<String> optedOut = new HashSet<>();
	private final Map<String, Recipient> recipientsByPhone = new HashMap<>();
	private final Map<String, List<Instant>> sentTimes = new HashMap<>();
	private final List<MessageRecord> sentRecords = new ArrayList<>();
	private final List<Update> sentUpdates = new ArrayList<>();
	private final List<MessageRecord> went = new ArrayList<>();
	private final boolean announced;

	/**
	 * @param announced whether what it sends is announced ({@link MessagesSent}): in the
	 * background, yes; in the caller's thread the caller learns it from the results
	 */
	BatchLookups(Collection<MessageRecord> records, boolean announced, Outbox outbox, Channel channel, OptOuts optOuts,
			RecipientRules recipients, ApplicationEventPublisher events, Clock clock) {
		this.outbox = outbox;
		this.optOuts = optOuts;
		this.recipients = recipients;
		this.events = events;
		this.clock = clock;
		this.announced = announced;
		if (records.isEmpty()) {
			return;
		}
		Set<String> phones = new HashSet<>();
		records.forEach(record -> phones.add(record.to));
		optOuts.findAllById(phones).forEach(optOut -> optedOut.add(optOut.phone));
		recipientsByPhone.putAll(recipients.of(phones));
		channel.prepare(records);
		if (records.stream().anyMatch(record -> record.purpose.scheduled())) {
			// Every local day around now lies within a day and a half of it, whatever the zone.
			Instant now = clock.instant();
			List<Purpose> scheduled = Arrays.stream(Purpose.values()).filter(Purpose::scheduled).toList();
			for (MessageRecord sent : outbox.scheduledSentTo(phones, scheduled, now.minus(Duration.ofHours(38)),
					now.plus(Duration.ofHours(38)))) {
				sentTimes.computeIfAbsent(sent.to, to -> new ArrayList<>()).add(sent.sentAt);
			}
		}
	}

	@Override
	public boolean optedOut(String phone) {
		return optedOut.contains(phone);
	}

	@Override
	public Recipient recipient(String phone) {
		Recipient recipient = recipientsByPhone.get(phone);
		return recipient != null ? recipient : recipients.of(phone);
	}

	@Override
	public long scheduledSent(MessageRecord record, Instant from, Instant until, List<Purpose> scheduled) {
		return sentTimes.getOrDefault(record.to, List.of())
			.stream()
			.filter(at -> !at.isBefore(from) && at.isBefore(until))
			.count();
	}

	@Override
	public void sent(MessageRecord record, Update update) {
		sentRecords.add(record);
		sentUpdates.add(update);
		went.add(record);
		if (record.purpose.scheduled()) {
			sentTimes.computeIfAbsent(record.to, to -> new ArrayList<>()).add(clock.instant());
		}
	}

	@Override
	public void recorded(MessageRecord record, Update update) {
		sentRecords.add(record);
		sentUpdates.add(update);
	}

	void finishSent() {
		int lost = sentRecords.size() - outbox.finishAll(sentRecords, sentUpdates);
		if (lost > 0) {
			log.warn("{} messages' outcomes came after their leases had passed to another dispatcher", lost);
		}
		if (announced) {
			announce(went);
		}
	}

	/**
	 * Tells whoever caused them that these messages went in the background, once their outcome is
	 * written: one event for the lot. A listener that fails cannot undo a message that went, so it
	 * is only logged.
	 */
	private void announce(List<MessageRecord> went) {
		List<MessagesSent.Sent> referenced = went.stream()
			.filter(record -> record.reference != null)
			.map(record -> new MessagesSent.Sent(record.id, record.reference, record.purpose, record.sentAt))
			.toList();
		if (referenced.isEmpty()) {
			return;
		}
		try {
			events.publishEvent(new MessagesSent(referenced));
		}
		catch (RuntimeException ex) {
			log.warn("{} sent messages could not be announced", referenced.size(), ex);
		}
	}
}
