package org.reconnect.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link Dispatcher}'s background work: claims what is due in batches and sends each batch on
 * up to {@code senders} lanes at once, until nothing is due or the pace is reached.
 */
final class BackgroundSending {

	private final Dispatcher dispatcher;
	private final String owner;
	private final Outbox outbox;
	private final Channel channel;
	private final Pacer pacer;
	private final MessagingSettings.Outbox settings;
	private final ChannelOutage outage;
	private final Clock clock;
	private ExecutorService senders;

	BackgroundSending(Dispatcher dispatcher, String owner, Outbox outbox, Channel channel, Pacer pacer,
			MessagingSettings.Outbox settings, ChannelOutage outage, Clock clock) {
		this.dispatcher = dispatcher;
		this.owner = owner;
		this.outbox = outbox;
		this.channel = channel;
		this.pacer = pacer;
		this.settings = settings;
		this.outage = outage;
		this.clock = clock;
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
			BatchLookups lookups = null;
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
						lookups = dispatcher.inBatch(lane.subList(i, chunkEnd), true);
						since = now;
					}
					sent.incrementAndGet();
					dispatcher.process(record, false, lookups);
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
}
