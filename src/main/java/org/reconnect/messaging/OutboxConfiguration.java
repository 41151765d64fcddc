package org.reconnect.messaging;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The outbox, its dispatcher, and the background loop that drains it on every node. */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

	@Bean
	Outbox outbox(MongoTemplate mongo) {
		return new Outbox(mongo, "messages");
	}

	@Bean
	SmsFallback smsFallback(Outbox outbox, OptOuts optOuts, Contacts contacts, Clock clock) {
		return new SmsFallback(outbox, optOuts, contacts, clock);
	}

	@Bean(destroyMethod = "close")
	Dispatcher dispatcher(Outbox outbox, Channel channel, WhatsAppCarrier whatsAppCarrier, WhatsAppWindow window,
			Contacts contacts, SmsFallback fallback, WebChats webChats, OptOuts optOuts, FlaggedNumbers flagged,
			RecipientRules recipients, MessagingSettings settings, ApplicationEventPublisher events, Clock clock,
			MessagingMeters meters, MongoTemplate mongo) {
		WhatsAppChannel whatsApp = new WhatsAppChannel(whatsAppCarrier, window,
				new WhatsAppTemplates(settings.whatsapp()), contacts);
		Channel routed = new MeteredChannel(new RoutingChannel(channel, whatsApp, webChats, contacts), meters);
		return new Dispatcher(outbox, routed,
				new Pacer(settings.outbox().messagesPerSecond(), new SendSlots(mongo), clock), optOuts, flagged, recipients, settings.outbox(), events,
				clock, fallback);
	}

	@Bean
	BackgroundDispatcher backgroundDispatcher(Dispatcher dispatcher, MessagingSettings settings) {
		return new BackgroundDispatcher(dispatcher, settings.outbox().pollInterval().toMillis());
	}

	/** Drains the outbox every poll interval on one thread; off when the interval is 0. */
	static class BackgroundDispatcher implements SmartLifecycle {

		private static final Logger log = LoggerFactory.getLogger(BackgroundDispatcher.class);

		private final Dispatcher dispatcher;
		private final long intervalMillis;
		private volatile ScheduledExecutorService executor;

		BackgroundDispatcher(Dispatcher dispatcher, long intervalMillis) {
			this.dispatcher = dispatcher;
			this.intervalMillis = intervalMillis;
		}

		@Override
		public void start() {
			if (intervalMillis <= 0) {
				return;
			}
			executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
				Thread thread = new Thread(runnable, "outbox-dispatcher");
				thread.setDaemon(true);
				return thread;
			});
			executor.scheduleWithFixedDelay(this::drain, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
		}

		private void drain() {
			try {
				dispatcher.drain();
			}
			catch (RuntimeException ex) {
				log.warn("Outbox round failed; trying again in the next one: {}", ex.getClass().getSimpleName());
			}
		}

		@Override
		public void stop() {
			if (executor != null) {
				executor.shutdown();
				try {
					executor.awaitTermination(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				executor = null;
			}
		}

		@Override
		public boolean isRunning() {
			return executor != null;
		}
	}
}
