package org.reconnect.system.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The threads of one {@link DueClaims} that hand due work over. A burst due in one minute is one
 * Quartz fire; its hand-offs run side by side here, so the store's
 * commits are shared and the scheduler's single trigger lock never bounds them. Each hand-off is
 * claimed by its own atomic update, so several threads (and nodes) never hand one over twice.
 */
final class HandOffs implements AutoCloseable {

	private final int threads;
	private final ExecutorService pool;

	/** One thread runs in the caller's own: the pool starts a thread only when there are two. */
	HandOffs(int threads) {
		this.threads = Math.max(1, threads);
		AtomicInteger count = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(this.threads, runnable -> {
			Thread thread = new Thread(runnable, "hand-off-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Splits {@code items} over the hand-off threads and adds up what {@code each} returned. */
	<T> int each(List<T> items, java.util.function.ToIntFunction<T> each) {
		List<IntSupplier> parts = new ArrayList<>();
		int size = (items.size() + threads - 1) / threads;
		for (int from = 0; from < items.size(); from += size) {
			List<T> part = items.subList(from, Math.min(items.size(), from + size));
			parts.add(() -> part.stream().mapToInt(each).sum());
		}
		return all(parts);
	}

	private int all(List<IntSupplier> work) {
		if (work.size() == 1) {
			return work.get(0).getAsInt();
		}
		List<Future<Integer>> running = work.stream().map(part -> pool.submit(part::getAsInt)).toList();
		int total = 0;
		RuntimeException failure = null;
		for (Future<Integer> part : running) {
			try {
				total += part.get();
			}
			catch (ExecutionException ex) {
				failure = ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failure = new IllegalStateException("interrupted while handing off", ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
		return total;
	}

	@Override
	public void close() {
		pool.shutdown();
	}
}
