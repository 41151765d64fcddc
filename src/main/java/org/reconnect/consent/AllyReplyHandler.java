package org.reconnect.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundHandler;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.InboundPipeline;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The last word for an ally: a text from someone's ally (consent granted or asked for) that no step
 * took gets one kind reply, that this number only sends alerts and passes nothing on, and how to end
 * them; naming nobody, since one number can be an ally of two people. At most once per number per
 * {@link #AT_MOST_EVERY}, so an auto-responder cannot loop with us.
 */
@Component
class AllyReplyHandler implements InboundHandler {

	static final Duration AT_MOST_EVERY = Duration.ofHours(24);

	private final Allies allies;
	private final ConsentEntries entries;
	private final AllyTexts texts;
	private final Messenger messenger;
	private final MongoTemplate mongo;
	private final Clock clock;

	AllyReplyHandler(Allies allies, ConsentEntries entries, AllyTexts texts, Messenger messenger, MongoTemplate mongo,
			Clock clock) {
		this.allies = allies;
		this.entries = entries;
		this.texts = texts;
		this.messenger = messenger;
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public InboundPipeline.Step step() {
		return InboundPipeline.Step.ALLY_REPLY;
	}

	@Override
	public boolean handle(Inbound inbound) {
		if (inbound.sender() instanceof ParticipantProfile) {
			return false;
		}
		InboundMessage message = inbound.message();
		Instant now = clock.instant();
		List<Ally> theirs = allies.findByPhone(message.from());
		boolean anAlly = theirs.stream().map(entries::state).anyMatch(state -> state.granted(now) || state.awaitingAnswer(now));
		if (!anAlly) {
			return false;
		}
		// The number's first record is the one gate, so two texts at once are answered once.
		Optional<Ally> gate = theirs.stream().min(Comparator.comparing(ally -> ally.id));
		if (gate.isEmpty() || !claim(gate.get().id, now)) {
			return true; // answered within the last day: nothing more, and no later step either
		}
		messenger.send(new OutboundMessage(message.from(), texts.text(message.from(), "consent.only-alerts"), Purpose.REPLY,
				message.key()));
		return true;
	}

	private boolean claim(String allyId, Instant now) {
		Query due = Query.query(Criteria.where("_id").is(allyId)
			.orOperator(Criteria.where("onlyAlertsSaidAt").is(null),
					Criteria.where("onlyAlertsSaidAt").lte(now.minus(AT_MOST_EVERY))));
		return mongo.findAndModify(due, new Update().set("onlyAlertsSaidAt", now).inc("version", 1),
				FindAndModifyOptions.options().returnNew(true), Ally.class) != null;
	}
}
