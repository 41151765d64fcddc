package org.reconnect.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads that hand due check-ins and reminders over to conversations and the outbox. A burst
 * due in one minute is one Quartz fire; its hand-offs run side by side here, so the store's
 * commits are shared and the scheduler's single trigger lock never bounds them. Each hand-off is
 * claimed by its own atomic update, so several threads (and nodes) never hand one over twice.
 */
@Component
class HandOffs implements DisposableBean {

	private final int threads;
	private final ExecutorService pool;

	HandOffs(SchedulingSettings settings) {
		this.threads = Math.max(1, settings.handOffThreads());
		AtomicInteger count = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(threads, runnable -> {
			Thread thread = new Thread(runnable, "hand-off-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Runs {@code worker} on every hand-off thread at once and adds up what each returned. */
	int onEveryThread(IntSupplier worker) {
		List<IntSupplier> copies = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			copies.add(worker);
		}
		return all(copies);
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
	public void destroy() {
		pool.shutdown();
	}
}
