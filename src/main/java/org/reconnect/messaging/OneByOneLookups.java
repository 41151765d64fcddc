package org.reconnect.messaging;

import java.time.Instant;
import java.util.List;

import org.reconnect.messaging.RecipientPolicy.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;

/** Each check asks the store when it is made, as for a single message. */
final class OneByOneLookups implements SendLookups {

	// Logged as the dispatcher, whose work this is.
	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final Outbox outbox;
	private final OptOuts optOuts;
	private final RecipientRules recipients;

	OneByOneLookups(Outbox outbox, OptOuts optOuts, RecipientRules recipients) {
		this.outbox = outbox;
		this.optOuts = optOuts;
		this.recipients = recipients;
	}

	@Override
	public boolean optedOut(String phone) {
		return optOuts.existsById(phone);
	}

	@Override
	public Recipient recipient(String phone) {
		return recipients.of(phone);
	}

	@Override
	public long scheduledSent(MessageRecord record, Instant from, Instant until, List<Purpose> scheduled) {
		return outbox.scheduledSent(record.to, scheduled, from, until);
	}

	@Override
	public void sent(MessageRecord record, Update update) {
		if (!outbox.finish(record, update)) {
			log.warn("Message {} was sent but its lease had passed to another dispatcher", record.id);
		}
	}

	@Override
	public void recorded(MessageRecord record, Update update) {
		outbox.finish(record, update);
	}
}
