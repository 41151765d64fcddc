package org.reconnect.participants;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.reconnect.messaging.Messenger;
import org.reconnect.system.EmbeddedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Erasure for good, recorded as pending before anything goes and until everything has, so one cut
 * short is finished by asking again or by the sweep; every step is safe to repeat.
 */
@Component
class Erasures {

	/** Longer than an erasure on a live node takes, the rewrite of a large store file included. */
	static final Duration RETRY_AFTER = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(Erasures.class);

	private final Participants participants;
	private final PendingErasures erasures;
	private final MongoTemplate mongo;
	private final ApplicationEventPublisher events;
	/** Lazily: messaging asks participants (RecipientPolicy) about recipients while it sends. */
	private final ObjectProvider<Messenger> messenger;
	/** Only with the embedded store, whose file an erasure rewrites. */
	private final ObjectProvider<EmbeddedStore> embeddedStore;
	private final Clock clock;

	Erasures(Participants participants, PendingErasures erasures, MongoTemplate mongo, ApplicationEventPublisher events,
			ObjectProvider<Messenger> messenger, ObjectProvider<EmbeddedStore> embeddedStore, Clock clock) {
		this.participants = participants;
		this.erasures = erasures;
		this.mongo = mongo;
		this.events = events;
		this.messenger = messenger;
		this.embeddedStore = embeddedStore;
		this.clock = clock;
	}

	void erase(ParticipantId id) {
		Optional<PendingErasure> pending = participants.findById(id.value())
			.map(participant -> erasures.save(new PendingErasure(id.value(), participant.phone(), clock.instant())))
			.or(() -> erasures.findById(id.value()));
		pending.ifPresent(this::finish);
	}

	int finishErasures() {
		int finished = 0;
		Instant now = clock.instant();
		Query stale = Query.query(Criteria.where("startedAt").lt(now.minus(RETRY_AFTER)));
		PendingErasure claimed;
		while ((claimed = mongo.findAndModify(stale, new Update().set("startedAt", now),
				FindAndModifyOptions.options().returnNew(true), PendingErasure.class)) != null) {
			try {
				finish(claimed);
				finished++;
			}
			catch (RuntimeException ex) {
				log.warn("Erasure of participant {} failed again ({}); the next sweep retries it", claimed.participantId(),
						ex.getClass().getSimpleName());
			}
		}
		return finished;
	}

	private void finish(PendingErasure pending) {
		ParticipantId id = new ParticipantId(pending.participantId());
		participants.deleteById(id.value());
		events.publishEvent(new ParticipantErased(id, pending.phone()));
		// after the other modules, so nothing they sent while erasing stays
		long messages = messenger.getObject().forget(pending.phone(), id.value());
		erasures.deleteById(id.value());
		embeddedStore.ifAvailable(EmbeddedStore::compact);
		log.info("Participant {} erased, with {} messages sent to them", id, messages);
	}
}
