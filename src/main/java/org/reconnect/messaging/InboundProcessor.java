package org.reconnect.messaging;

import java.time.Clock;
import java.util.List;

import org.reconnect.system.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Hands each inbound message, once, to the first handler that takes it. A message key seen before
 * is a replay and goes no further.
 */
@Service
class InboundProcessor {

	private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);

	enum Outcome {
		HANDLED, UNHANDLED, DUPLICATE
	}

	private final SeenMessages seen;
	private final ObjectProvider<InboundHandler> handlers;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	InboundProcessor(SeenMessages seen, ObjectProvider<InboundHandler> handlers, ApplicationEventPublisher events,
			Clock clock) {
		this.seen = seen;
		this.handlers = handlers;
		this.events = events;
		this.clock = clock;
	}

	Outcome receive(String key, String from, String body) {
		try {
			seen.insert(new SeenMessage(key, clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			log.info("Inbound message {} was already processed; ignoring the repeat", key);
			return Outcome.DUPLICATE;
		}
		InboundMessage message = new InboundMessage(key, from, body == null ? "" : body, clock.instant());
		try {
			List<InboundHandler> ordered = handlers.orderedStream().toList();
			for (InboundHandler handler : ordered) {
				if (handler.handle(message)) {
					log.info("Inbound message {} from {} ({}) handled by {}", key, Masking.phone(from),
							Masking.text(body), handler.getClass().getSimpleName());
					received(message);
					return Outcome.HANDLED;
				}
			}
			log.info("Inbound message {} from {} matched no handler", key, Masking.phone(from));
			received(message);
			return Outcome.UNHANDLED;
		}
		catch (RuntimeException ex) {
			// Forget the key so the channel's retry is processed rather than dropped as a repeat.
			seen.deleteById(key);
			throw ex;
		}
	}

	/**
	 * Whatever it said, a message is a sign of life; listeners decide what that means. Announced
	 * after the handlers, so what the message asked for (REMOVE an ally, PAUSE) already holds.
	 */
	private void received(InboundMessage message) {
		events.publishEvent(new MessageReceived(message.from(), message.key(), message.receivedAt()));
	}
}
