package org.reconnect.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.reconnect.system.Masking;
import org.reconnect.system.UnicodeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Hands each inbound message, once, to the {@link InboundPipeline}. A message key seen before
 * is a replay and goes no further, unless its processing never ended: when the store failed half
 * way (and could not even forget the key), the channel's retry takes the message over once
 * {@link #TAKE_OVER_AFTER} has passed, rather than dropping it as a replay.
 */
@Service
class InboundProcessor {

	private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);

	enum Outcome {
		HANDLED, UNHANDLED, DUPLICATE
	}

	/** Longer than any one attempt can take (a store that does not answer fails it within seconds). */
	static final Duration TAKE_OVER_AFTER = Duration.ofSeconds(30);

	private final SeenMessages seen;
	private final MongoTemplate mongo;
	private final InboundPipeline pipeline;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	InboundProcessor(SeenMessages seen, MongoTemplate mongo, InboundPipeline pipeline,
			ApplicationEventPublisher events, Clock clock) {
		this.seen = seen;
		this.mongo = mongo;
		this.pipeline = pipeline;
		this.events = events;
		this.clock = clock;
	}

	Outcome receive(String key, String from, String body) {
		try {
			seen.insert(new SeenMessage(key, clock.instant(), true));
		}
		catch (DuplicateKeyException ex) {
			if (!takeOver(key)) {
				log.info("Inbound message {} was already processed; ignoring the repeat", key);
				return Outcome.DUPLICATE;
			}
			log.warn("Inbound message {} was taken before but never processed to the end; processing it now", key);
		}
		// What a person sent is never refused for its characters (that would lose their words): it is
		// read as NFC without control or bidirectional-override characters, so no handler, page or
		// message to someone else shows it other than it reads.
		InboundMessage message = new InboundMessage(key, from, body == null ? "" : UnicodeText.clean(body), clock.instant());
		try {
			InboundPipeline.Passage passage = pipeline.pass(message);
			if (passage.handledBy().isPresent()) {
				log.info("Inbound message {} from {} ({}) handled at step {}", key, Masking.phone(from), Masking.text(body),
						passage.handledBy().get());
			}
			else {
				log.info("Inbound message {} from {} matched no step", key, Masking.phone(from));
			}
			received(passage.inbound());
			processed(key);
			return passage.handledBy().isPresent() ? Outcome.HANDLED : Outcome.UNHANDLED;
		}
		catch (RuntimeException ex) {
			// Forget the key so the channel's retry is processed rather than dropped as a repeat.
			try {
				seen.deleteById(key);
			}
			catch (RuntimeException storeDown) {
				// the key stays "processing": a retry after TAKE_OVER_AFTER takes it over
			}
			throw ex;
		}
	}

	/** Takes over a key whose processing began long enough ago and never ended; false when done or recent. */
	private boolean takeOver(String key) {
		Instant now = clock.instant();
		Query stale = Query.query(Criteria.where("_id").is(key).and("processing").is(true)
			.and("receivedAt").lt(now.minus(TAKE_OVER_AFTER)));
		return mongo.findAndModify(stale, new Update().set("receivedAt", now), SeenMessage.class) != null;
	}

	private void processed(String key) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), new Update().set("processing", false),
				SeenMessage.class);
	}

	/**
	 * Whatever it said, a message is a sign of life; listeners decide what that means. Announced
	 * after the steps, so what the message asked for (REMOVE an ally, PAUSE) already holds.
	 */
	private void received(Inbound inbound) {
		InboundMessage message = inbound.message();
		events.publishEvent(new MessageReceived(message.from(), message.key(), message.receivedAt(), inbound.sender()));
	}
}
