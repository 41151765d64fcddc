package org.reconnect.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.reconnect.messaging.Channel.Accepted;
import org.reconnect.messaging.Channel.ChannelResult;
import org.reconnect.messaging.Channel.Rejected;
import org.reconnect.messaging.Channel.Unavailable;
import org.reconnect.messaging.MessageRecord.Status;
import org.reconnect.messaging.RecipientPolicy.Recipient;
import org.reconnect.system.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.query.Update;

import io.github.resilience4j.core.IntervalFunction;

/**
 * Sends outbox entries: claims one (with a lease), checks at that moment that it may still go
 * (opt-out, notAfter, quiet hours, daily cap), makes one attempt through the channel and records
 * what happened. Network errors, 429 and 5xx come back later with a backoff and jitter (or
 * Twilio's Retry-After when longer); other errors are final.
 */
class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
	/** Twilio: the recipient replied STOP to this sender at the carrier. */
	static final String UNSUBSCRIBED = "21610";

	/** The channel could not say what it accepted for an entry in doubt; it is asked again later. */
	static final String LOOK_BACK_FAILED = "look-back-failed";

	/** How far the channel's clock and the nodes' may differ when asking what it accepted since. */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
	/** Twilio: not a valid number (21211), or not able to receive SMS (21614). */
	static final List<String> UNREACHABLE_NUMBER = List.of("21211", "21614");

	private final String owner = "dispatcher-" + UUID.randomUUID();
	private final Outbox outbox;
	private final Channel channel;
	private final Pacer pacer;
	private final OptOuts optOuts;
	private final FlaggedNumbers flagged;
	private final RecipientRules recipients;
	private final MessagingSettings.Outbox settings;
	private final IntervalFunction backoff;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SmsFallback fallback;
	private final ChannelOutage outage;
	private final BackgroundSending background;

	Dispatcher(Outbox outbox, Channel channel, Pacer pacer, OptOuts optOuts, FlaggedNumbers flagged,
			RecipientRules recipients, MessagingSettings.Outbox settings, ApplicationEventPublisher events, Clock clock) {
		this(outbox, channel, pacer, optOuts, flagged, recipients, settings, events, clock, SmsFallback.NONE);
	}

	Dispatcher(Outbox outbox, Channel channel, Pacer pacer, OptOuts optOuts, FlaggedNumbers flagged,
			RecipientRules recipients, MessagingSettings.Outbox settings, ApplicationEventPublisher events, Clock clock,
			SmsFallback fallback) {
		this.fallback = fallback;
		this.outbox = outbox;
		this.channel = channel;
		this.pacer = pacer;
		this.optOuts = optOuts;
		this.flagged = flagged;
		this.recipients = recipients;
		this.settings = settings;
		this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.firstBackoff(), settings.backoffMultiplier(),
				settings.jitter(), settings.maxBackoff());
		this.events = events;
		this.clock = clock;
		this.outage = new ChannelOutage(settings.firstBackoff(), settings.backoffMultiplier());
		this.background = new BackgroundSending(this, owner, outbox, channel, pacer, settings, outage, clock);
	}

	/**
	 * The first attempt, in the caller's thread, right after the entry was written. Made even while
	 * the channel seems down: it costs one request, and a reply goes at once if the channel is back.
	 */
	SendResult attemptNow(MessageRecord record) {
		if (!pacer.tryAcquire(channel.sender())) {
			return new SendResult(record.id, SendResult.Outcome.QUEUED);
		}
		Optional<MessageRecord> claimed = outbox.claim(record.id, owner, clock.instant(), settings.lease());
		if (claimed.isEmpty()) {
			return new SendResult(record.id, SendResult.Outcome.QUEUED); // another node took it
		}
		return new SendResult(record.id, process(claimed.get(), true, oneByOne()));
	}

	/**
	 * Leases to this dispatcher, before they are written, the new entries the pace lets go now: the
	 * write that puts them in the outbox is then also their claim, so no other dispatcher takes one
	 * during its first attempt, and that attempt needs no claim of its own (a write fewer per
	 * message). A node that dies before the attempt leaves them to the others when the lease ends.
	 */
	void leaseBeforeWriting(List<MessageRecord> fresh) {
		Instant until = clock.instant().plus(settings.lease());
		String token = owner + ":" + UUID.randomUUID();
		for (MessageRecord record : fresh) {
			if (pacer.tryAcquire(channel.sender())) {
				record.leaseOwner = token;
				record.leaseUntil = until;
			}
		}
	}

	/** {@link #attemptNow} for an entry written with this dispatcher's lease, or QUEUED when it has none (paced). */
	SendResult attemptLeased(MessageRecord record) {
		if (record.leaseOwner == null) {
			return new SendResult(record.id, SendResult.Outcome.QUEUED);
		}
		return new SendResult(record.id, process(record, true, oneByOne()));
	}

	/**
	 * The first attempt at a batch of entries just written with this dispatcher's lease (see
	 * {@link #leaseBeforeWriting}), in the caller's thread, with the same checks and outcomes as
	 * {@link #attemptNow} for each, but one opt-out lookup, one daily-cap lookup and one write of
	 * the accepted outcomes for the whole batch. An entry without a lease (paced) or that fails on
	 * its own stays in the outbox (QUEUED) for the dispatcher; the others go on.
	 *
	 * @return the results in the order of {@code records}
	 */
	List<SendResult> attemptAll(List<MessageRecord> records) {
		Map<String, SendResult> results = new HashMap<>();
		Map<String, MessageRecord> claimed = new HashMap<>();
		records.stream().filter(record -> record.leaseOwner != null).forEach(record -> claimed.put(record.id, record));
		BatchLookups batch = inBatch(claimed.values(), false);
		for (MessageRecord record : records) {
			MessageRecord mine = claimed.get(record.id);
			SendResult.Outcome outcome = SendResult.Outcome.QUEUED; // paced, or another node took it
			if (mine != null) {
				try {
					outcome = process(mine, true, batch);
				}
				catch (RuntimeException ex) {
					// Its lease runs out and the dispatcher tries it again; the batch goes on.
					log.warn("Message {} could not be attempted now; it stays in the outbox", record.id, ex);
				}
			}
			results.put(record.id, new SendResult(record.id, outcome));
		}
		batch.finishSent();
		return records.stream().map(record -> results.get(record.id)).toList();
	}

	private OneByOneLookups oneByOne() {
		return new OneByOneLookups(outbox, optOuts, recipients);
	}

	/** {@link BatchLookups} for these entries, with this dispatcher's store, channel and rules. */
	BatchLookups inBatch(Collection<MessageRecord> records, boolean announced) {
		return new BatchLookups(records, announced, outbox, channel, optOuts, recipients, events, clock);
	}

	/**
	 * Sends what is due, most urgent first, until nothing is due or the pace is reached (see
	 * {@link BackgroundSending}).
	 *
	 * @return how many entries were claimed
	 */
	int drain() {
		return background.drain();
	}

	/** Stops the sending threads; called when the application context closes. */
	void close() {
		background.close();
	}

	/**
	 * @param inline true in the caller's thread: the caller learns the outcome from the result, so
	 * no {@link MessageUndelivered} is published for it
	 */
	SendResult.Outcome process(MessageRecord record, boolean inline, SendLookups lookups) {
		Instant now = clock.instant();
		if (record.notAfter != null && now.isAfter(record.notAfter)) {
			return end(record, Status.DROPPED, "expired", now, record.attempts, inline, lookups);
		}
		if (record.purpose != Purpose.OPT_OUT_CONFIRMATION && lookups.optedOut(record.to)) {
			log.info("Not sending {} message {} to {}: the number opted out", record.purpose, record.id,
					Masking.phone(record.to));
			return end(record, Status.SUPPRESSED, "opted-out", now, record.attempts, inline, lookups);
		}
		Recipient recipient = record.purpose.heldInQuietHours() || record.purpose.scheduled()
				? lookups.recipient(record.to) : null;
		if (record.purpose.heldInQuietHours()) {
			Optional<Instant> quietUntil = RecipientRules.quietUntil(recipient, now);
			if (quietUntil.isPresent()) {
				if (record.notAfter != null && quietUntil.get().isAfter(record.notAfter)) {
					return end(record, Status.DROPPED, "expired-in-quiet-hours", now, record.attempts, inline, lookups);
				}
				log.info("Holding {} message {} until {}: quiet hours", record.purpose, record.id, quietUntil.get());
				lookups.recorded(record, new Update().set("nextAttemptAt", quietUntil.get()).set("updatedAt", now));
				return SendResult.Outcome.QUEUED;
			}
		}
		if (record.purpose.scheduled()) {
			Instant[] day = RecipientRules.day(recipient, now);
			List<Purpose> scheduled = Arrays.stream(Purpose.values()).filter(Purpose::scheduled).toList();
			if (lookups.scheduledSent(record, day[0], day[1], scheduled) >= recipient.dailyCap()) {
				log.info("Dropping {} message {}: the daily cap of {} is reached", record.purpose, record.id,
						recipient.dailyCap());
				return end(record, Status.DROPPED, "daily-cap", now, record.attempts, inline, lookups);
			}
		}
		ChannelResult result = earlierAttempt(record);
		if (result == null) {
			result = channel.send(record);
		}
		now = clock.instant();
		int attempts = record.attempts + 1;
		if (result instanceof Unavailable unavailable && outage.failed(record.id, now)) {
			// The channel is down, not this message: it keeps its place in due order and its attempts.
			outbox.finish(record, new Update().set("error", unavailable.code()).set("updatedAt", now));
			return SendResult.Outcome.QUEUED;
		}
		if (!(result instanceof Unavailable)) {
			outage.answered(now);
		}
		if (result instanceof Accepted accepted) {
			record.sentAt = now;
			Update update = record.routed(new Update()).set("status", Status.SENT).set("providerId", accepted.providerId())
				.set("attempts", attempts).set("sentAt", now).set("updatedAt", now).set("error", null)
				.set("deliveryStatus", accepted.status()).set("deliveryRank", StatusCallbacks.rank(accepted.status()))
				.addToSet("reportedStatuses", accepted.status());
			lookups.sent(record, update);
			return SendResult.Outcome.SENT;
		}
		if (result instanceof Unavailable unavailable) {
			if (attempts >= settings.maxAttempts()) {
				log.warn("Giving up on message {} to {} after {} attempts: {}", record.id, Masking.phone(record.to),
						attempts, unavailable.code());
				return end(record, Status.FAILED, unavailable.code(), now, attempts, inline, lookups);
			}
			Duration wait = Duration.ofMillis(backoff.apply(attempts));
			if (unavailable.retryAfter() != null && unavailable.retryAfter().compareTo(wait) > 0) {
				wait = unavailable.retryAfter();
			}
			log.info("Message {} not sent ({}); attempt {} of {} in {}", record.id, unavailable.code(), attempts + 1,
					settings.maxAttempts(), wait);
			lookups.recorded(record, new Update().set("attempts", attempts).set("error", unavailable.code())
				.set("nextAttemptAt", now.plus(wait)).set("updatedAt", now));
			return SendResult.Outcome.QUEUED;
		}
		Rejected rejected = (Rejected) result;
		// Twilio's own message can quote the number: only the code is logged.
		log.warn("Channel refused message {} to {}: error {}", record.id, Masking.phone(record.to), rejected.code());
		if (UNSUBSCRIBED.equals(rejected.code())) {
			if (!optOuts.existsById(record.to)) {
				optOuts.save(new OptOut(record.to, now));
				events.publishEvent(new OptOutChanged(record.to, true));
			}
		}
		else if (UNREACHABLE_NUMBER.contains(rejected.code())) {
			flagged.save(new FlaggedNumber(record.to, rejected.code(), now));
			events.publishEvent(new NumberFlagged(record.to, rejected.code()));
		}
		return end(record, Status.FAILED, rejected.code(), now, attempts, inline, lookups);
	}

	/**
	 * For an entry taken over from a dispatcher that stopped while holding it: what the channel
	 * accepted for it meanwhile (recorded as this attempt's outcome, nothing sent), or that the
	 * channel could not be asked (tried again later), or null when nothing went and it may go now.
	 * A channel message another entry already holds (the same text to the same number twice) is not
	 * this one's.
	 */
	private ChannelResult earlierAttempt(MessageRecord record) {
		if (record.inDoubtSince == null) {
			return null;
		}
		Optional<List<Accepted>> accepted = channel.acceptedSince(record, record.inDoubtSince.minus(CLOCK_SKEW));
		if (accepted.isEmpty()) {
			return new Unavailable(LOOK_BACK_FAILED, null);
		}
		Optional<Accepted> earlier = accepted.get().stream()
			.filter(found -> !outbox.heldByAnother(found.providerId(), record.id))
			.findFirst();
		if (earlier.isPresent()) {
			// Noted at once, so an entry with the same text to the same number, next in this batch,
			// does not take the same message for its own.
			outbox.note(record.id, new Update().set("providerId", earlier.get().providerId()));
			log.info("Message {} had gone before the dispatcher holding it stopped; recorded, not sent again", record.id);
			return earlier.get();
		}
		record.inDoubtSince = null;
		outbox.note(record.id, new Update().unset("inDoubtSince"));
		return null;
	}

	private SendResult.Outcome end(MessageRecord record, Status status, String why, Instant now, int attempts,
			boolean inline, SendLookups lookups) {
		Update update = record.routed(new Update()).set("status", status).set("error", why).set("attempts", attempts)
			.set("updatedAt", now);
		if (inline && status != Status.FAILED) {
			// The caller learns the outcome from the result; no fallback, no event depends on the write.
			lookups.recorded(record, update);
			return SendResult.Outcome.valueOf(status.name());
		}
		boolean mine = outbox.finish(record, update);
		if (mine && status == Status.FAILED) {
			// WhatsApp only: an SMS fallback now stands in for the message, so it is not undelivered yet.
			record.error = why;
			Optional<MessageRecord> replaced = fallback.replace(record);
			if (replaced.isPresent()) {
				return inline ? attemptNow(replaced.get()).outcome() : SendResult.Outcome.QUEUED;
			}
		}
		if (mine && !inline) {
			events.publishEvent(new MessageUndelivered(record.id, record.reference, record.purpose));
		}
		return SendResult.Outcome.valueOf(status.name());
	}
}
