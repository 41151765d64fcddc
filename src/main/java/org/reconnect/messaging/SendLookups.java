package org.reconnect.messaging;

import java.time.Instant;
import java.util.List;

import org.reconnect.messaging.RecipientPolicy.Recipient;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What the {@link Dispatcher} looks up before an attempt and writes after an accepted one. One by
 * one for a single entry ({@link OneByOneLookups}); for a batch, looked up once and written at the
 * end ({@link BatchLookups}).
 */
interface SendLookups {

	boolean optedOut(String phone);

	Recipient recipient(String phone);

	long scheduledSent(MessageRecord record, Instant from, Instant until, List<Purpose> scheduled);

	void sent(MessageRecord record, Update update);

	/** Writes an outcome whose write nobody waits on (a hold, a retry, an inline drop). */
	void recorded(MessageRecord record, Update update);
}
