package org.reconnect.flows;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.types.ObjectId;
import org.reconnect.messaging.MessagesSent;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.ReferenceFate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * When each conversation's opening question went out, so that its window (the wait for a reply,
 * the deadline) runs from then, not from when it was written. A question sent at once is known
 * from the caller's own result; one the outbox held, paced or retried, from the dispatcher's
 * {@link MessagesSent}; and before the sweep would call one never sent, the outbox is asked.
 * Batches stay batches: one write per batch sent at once, one lookup and one write per batch the
 * dispatcher sends, never a query per message.
 */
@Component
class AskedQuestions {

	private static final Logger log = LoggerFactory.getLogger(AskedQuestions.class);

	/** Conversations settled per outbox lookup in {@link #settle}. */
	private static final int SETTLE_BATCH = 100;

	private final FlowRegistry flows;
	private final MongoTemplate mongo;
	private final Messenger messenger;
	private final Clock clock;

	AskedQuestions(FlowRegistry flows, MongoTemplate mongo, Messenger messenger, Clock clock) {
		this.flows = flows;
		this.mongo = mongo;
		this.messenger = messenger;
		this.clock = clock;
	}

	/**
	 * The opening questions of these conversations went out just now, in the caller's own send
	 * (their results said so): one update for all of them, as they share a flow and its first
	 * state. The conversations given are updated in memory too.
	 */
	void askedNow(List<Conversation> sent, FlowDefinition flow) {
		Instant at = clock.instant();
		List<Conversation> asked = sent.stream().filter(conversation -> conversation.asked(flow, at)).toList();
		if (asked.isEmpty()) {
			return;
		}
		Conversation first = asked.get(0);
		Update update = new Update().set("questionPending", false).set("askedAt", at).set("expiresAt", first.expiresAt)
			.inc("version", 1);
		if (first.waitUntil != null) {
			update.set("waitUntil", first.waitUntil);
		}
		try {
			// Only while it waits: a reply that came meanwhile saved its own state.
			mongo.updateMulti(Query.query(Criteria.where("_id").in(objectIds(asked.stream().map(c -> c.id).toList()))
				.and("status").is(Conversation.Status.ACTIVE).and("questionPending").is(true)), update, Conversation.class);
			asked.forEach(conversation -> conversation.version = conversation.version == null ? null
					: conversation.version + 1);
		}
		catch (RuntimeException ex) {
			// settle() asks the outbox before it would count any of them as undelivered.
			log.warn("{} conversations could not be told their question went", asked.size(), ex);
		}
	}

	/** Questions the outbox's dispatcher sent in the background: held, paced or retried. */
	@EventListener
	void on(MessagesSent sent) {
		Map<String, Instant> questions = new HashMap<>();
		for (MessagesSent.Sent message : sent.messages()) {
			if ((message.purpose() == Purpose.CHECK_IN || message.purpose() == Purpose.REMINDER)
					&& ObjectId.isValid(message.reference())) {
				questions.merge(message.reference(), message.sentAt(), (a, b) -> a.isBefore(b) ? a : b);
			}
		}
		try {
			askedAt(questions);
		}
		catch (RuntimeException ex) {
			log.warn("{} conversations could not be told their question went", questions.size(), ex);
		}
	}

	/**
	 * Settles the open conversations whose question was not heard of as gone out by their deadline
	 * (their question's notAfter), asking the outbox what became of it, one lookup per group: one
	 * that went after all gets its window from then (and may expire as missed in the same sweep);
	 * one a dispatcher is sending at this moment is left for the next sweep. Strictly past the
	 * deadline, as the outbox still sends at it.
	 *
	 * @return the ids of those whose question never went and never will (the outbox drops it):
	 * they were not delivered, never missed
	 */
	List<String> settle() {
		List<String> never = new ArrayList<>();
		Set<ObjectId> seen = new HashSet<>();
		while (true) {
			Query pending = Query.query(Criteria.where("status").is(Conversation.Status.ACTIVE).and("questionPending").is(true)
				.and("expiresAt").lt(clock.instant()).and("_id").nin(seen)).limit(SETTLE_BATCH);
			pending.fields().include("_id");
			List<String> ids = mongo.find(pending, Conversation.class).stream().map(conversation -> conversation.id).toList();
			if (ids.isEmpty()) {
				return never;
			}
			seen.addAll(objectIds(ids));
			Map<String, ReferenceFate> fates = messenger.fates(ids);
			Map<String, Instant> went = new HashMap<>();
			for (String id : ids) {
				ReferenceFate fate = fates.get(id);
				if (fate != null && fate.sent()) {
					went.put(id, fate.sentAt());
				}
				else if (fate == null || !fate.attempting()) {
					never.add(id);
				}
			}
			askedAt(went);
		}
	}

	/** Marks those among {@code sentAt} that still waited for their question as asked then: one lookup, one write. */
	private void askedAt(Map<String, Instant> sentAt) {
		if (sentAt.isEmpty()) {
			return;
		}
		Query waiting = Query.query(Criteria.where("_id").in(objectIds(sentAt.keySet())).and("status")
			.is(Conversation.Status.ACTIVE).and("questionPending").is(true));
		List<Conversation> found = mongo.find(waiting, Conversation.class);
		if (found.isEmpty()) {
			return;
		}
		BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, Conversation.class);
		for (Conversation conversation : found) {
			Long version = conversation.version;
			if (conversation.asked(flows.revision(conversation.revision), sentAt.get(conversation.id))) {
				// Only as read: a reply that came meanwhile saved its own state.
				bulk.updateOne(
						Query.query(Criteria.where("_id").is(new ObjectId(conversation.id)).and("version").is(version)
							.and("questionPending").is(true)),
						new Update().set("questionPending", false).set("askedAt", conversation.askedAt)
							.set("expiresAt", conversation.expiresAt).set("waitUntil", conversation.waitUntil)
							.inc("version", 1));
			}
		}
		bulk.execute();
	}

	private static List<ObjectId> objectIds(Collection<String> ids) {
		return ids.stream().map(ObjectId::new).toList();
	}
}
