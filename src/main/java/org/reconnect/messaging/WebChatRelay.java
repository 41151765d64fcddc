package org.reconnect.messaging;

import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs {@link WebChats#relayFromOtherNodes} on this node every web chat poll interval, and ends the
 * pages' streams when the node stops (this bean stops before the web server's graceful shutdown,
 * which would otherwise wait on them).
 */
@Component
class WebChatRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebChatRelay.class);

	private final WebChats chats;
	private final TaskScheduler scheduler;
	private final MessagingSettings settings;
	private volatile ScheduledFuture<?> running;

	WebChatRelay(WebChats chats, TaskScheduler scheduler, MessagingSettings settings) {
		this.chats = chats;
		this.scheduler = scheduler;
		this.settings = settings;
	}

	@Override
	public void start() {
		running = scheduler.scheduleWithFixedDelay(this::relay, settings.webChat().pollInterval());
	}

	private void relay() {
		try {
			chats.relayFromOtherNodes();
		}
		catch (RuntimeException ex) {
			// The next round tries again; the page also reads its latest messages when it reconnects.
			log.warn("Web chat relay failed: {}", ex.getClass().getSimpleName());
		}
	}

	@Override
	public void stop() {
		ScheduledFuture<?> current = running;
		if (current != null) {
			current.cancel(false);
		}
		running = null;
		chats.closeAll();
	}

	@Override
	public boolean isRunning() {
		return running != null;
	}
}
