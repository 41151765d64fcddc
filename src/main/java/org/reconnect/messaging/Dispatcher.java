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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
	private ExecutorService senders;

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
		return new SendResult(record.id, process(claimed.get(), true, new OneByOne()));
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
		return new SendResult(record.id, process(record, true, new OneByOne()));
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
		InBatch batch = new InBatch(claimed.values(), false);
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

	/**
	 * What {@link #process} looks up before an attempt and writes after an accepted one. One by one
	 * for a single entry; for a batch, looked up once and written at the end.
	 */
	private interface Lookups {

		boolean optedOut(String phone);

		Recipient recipient(String phone);

		long scheduledSent(MessageRecord record, Instant from, Instant until, List<Purpose> scheduled);

		void sent(MessageRecord record, Update update);

		/** Writes an outcome whose write nobody waits on (a hold, a retry, an inline drop). */
		void recorded(MessageRecord record, Update update);
	}

	/** Each check asks the store when it is made, as for a single message. */
	private final class OneByOne implements Lookups {

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

	/**
	 * A batch's lookups: the opt-outs of its numbers, who they are (zone, quiet hours, cap), their
	 * routes, and the scheduled messages they were sent in the last two days, read once; what the
	 * batch itself sends counts against the cap as it goes. Its outcomes are written together.
	 */
	private final class InBatch implements Lookups {

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
		InBatch(Collection<MessageRecord> records, boolean announced) {
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
	}

	/**
	 * Sends what is due, most urgent first, until nothing is due or the pace is reached. Each
	 * claimed batch goes out on up to {@code senders} lanes at once; the messages to one number
	 * share a lane, so they leave one after another in the batch's order.
	 *
	 * @return how many entries were claimed
	 */
	int drain() {
		int claimedCount = 0;
		while (true) {
			if (outage.waiting(clock.instant())) {
				return claimedCount; // the channel is down: claiming entries only to give them back would load the store
			}
			List<MessageRecord> batch = outbox.claimDue(owner, clock.instant(), settings.batchSize(), settings.lease());
			if (batch == null) {
				return claimedCount;
			}
			Round round = new Round();
			List<List<MessageRecord>> lanes = lanes(batch);
			if (lanes.size() == 1) {
				round.send(lanes.get(0));
			}
			else {
				round.sendAll(lanes);
			}
			claimedCount += round.sent.get();
			if (round.paced.get()) {
				return claimedCount;
			}
		}
	}

	private List<List<MessageRecord>> lanes(List<MessageRecord> batch) {
		int senders = Math.max(1, Math.min(settings.senders(), batch.size()));
		List<List<MessageRecord>> lanes = new ArrayList<>();
		for (int i = 0; i < senders; i++) {
			lanes.add(new ArrayList<>());
		}
		batch.forEach(record -> lanes.get(Math.floorMod(record.to.hashCode(), senders)).add(record));
		lanes.removeIf(List::isEmpty);
		return lanes;
	}

	/** One claimed batch: once the pace is reached, what is left of it is given back. */
	private final class Round {

		private static final int CHUNK = 25;
		private static final Duration FRESH = Duration.ofSeconds(1);

		private final AtomicInteger sent = new AtomicInteger();
		private final AtomicBoolean paced = new AtomicBoolean();

		/**
		 * Sends a lane in chunks of at most {@link #CHUNK} messages: each chunk's lookups are made
		 * together when it starts, and its outcomes written together when it ends, instead of five
		 * commands per message. A chunk also ends after {@link #FRESH} (a slow channel), so an
		 * opt-out is never older than that when a message is checked against it, and a node that
		 * dies leaves no more than a chunk sent but not recorded.
		 */
		void send(List<MessageRecord> lane) {
			InBatch lookups = null;
			Instant since = null;
			int chunkEnd = 0;
			try {
				for (int i = 0; i < lane.size(); i++) {
					MessageRecord record = lane.get(i);
					Instant now = clock.instant();
					if (paced.get() || !outage.mayTry(now) || !pacer.tryAcquire(channel.sender())) {
						paced.set(true);
						outbox.release(record);
						continue;
					}
					if (lookups == null || i >= chunkEnd || now.isAfter(since.plus(FRESH))) {
						if (lookups != null) {
							lookups.finishSent();
						}
						chunkEnd = Math.min(lane.size(), i + CHUNK);
						lookups = new InBatch(lane.subList(i, chunkEnd), true);
						since = now;
					}
					sent.incrementAndGet();
					process(record, false, lookups);
				}
			}
			finally {
				if (lookups != null) {
					lookups.finishSent();
				}
			}
		}

		void sendAll(List<List<MessageRecord>> lanes) {
			List<Future<?>> running = lanes.stream().<Future<?>>map(lane -> senders().submit(() -> send(lane))).toList();
			RuntimeException failure = null;
			for (Future<?> lane : running) {
				try {
					lane.get();
				}
				catch (ExecutionException ex) {
					failure = ex.getCause() instanceof RuntimeException runtime ? runtime
							: new IllegalStateException(ex.getCause());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					failure = new IllegalStateException("interrupted while sending", ex);
				}
			}
			if (failure != null) {
				throw failure;
			}
		}
	}

	private synchronized ExecutorService senders() {
		if (senders == null) {
			AtomicInteger count = new AtomicInteger();
			senders = Executors.newFixedThreadPool(settings.senders(), runnable -> {
				Thread thread = new Thread(runnable, "outbox-sender-" + count.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
		}
		return senders;
	}

	/** Stops the sending threads; called when the application context closes. */
	synchronized void close() {
		if (senders != null) {
			senders.shutdown();
			senders = null;
		}
	}

	/**
	 * @param inline true in the caller's thread: the caller learns the outcome from the result, so
	 * no {@link MessageUndelivered} is published for it
	 */
	private SendResult.Outcome process(MessageRecord record, boolean inline, Lookups lookups) {
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
		ChannelResult result = channel.send(record);
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

	private SendResult.Outcome end(MessageRecord record, Status status, String why, Instant now, int attempts,
			boolean inline, Lookups lookups) {
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
