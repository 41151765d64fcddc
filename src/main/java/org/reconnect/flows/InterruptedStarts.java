package org.reconnect.flows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.types.ObjectId;
import org.reconnect.flows.FlowDefinition.Texts;
import org.reconnect.flows.FlowMachines.Effect;
import org.reconnect.messaging.Messenger;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Finishes the check-in starts a stopped node may have cut short, by what each left behind.
 */
@Component
class InterruptedStarts {

	private static final Logger log = LoggerFactory.getLogger(InterruptedStarts.class);

	private final BatchStarts batch;
	private final ConversationStarts single;
	private final FlowSettings settings;
	private final MongoTemplate mongo;
	private final ParticipantService participants;
	private final Messenger messenger;

	InterruptedStarts(BatchStarts batch, ConversationStarts single, FlowSettings settings, MongoTemplate mongo,
			ParticipantService participants, Messenger messenger) {
		this.batch = batch;
		this.single = single;
		this.settings = settings;
		this.mongo = mongo;
		this.participants = participants;
		this.messenger = messenger;
	}

	/**
	 * Finishes check-ins whose start a stopped node may have cut short, each by what it finds: a
	 * check-in whose first message is in the outbox went (as it did then); a conversation written
	 * without its first message gets it now; a check-in never written starts now, except that one
	 * already waiting in the participant's open conversation is not queued twice. A check-in in
	 * {@code late} is only tidied: a conversation written without its message is closed as
	 * undelivered, so it never counts as missed.
	 *
	 * @return per participant, as {@link BatchStarts#startCheckIns}; a late one that never went is left out
	 */
	Map<ParticipantId, Optional<String>> finishCheckIns(List<CheckInStart> starts, Set<ParticipantId> late) {
		Map<ParticipantId, Optional<String>> results = new LinkedHashMap<>();
		if (starts.isEmpty()) {
			return results;
		}
		List<String> ids = starts.stream().map(CheckInStart::conversationId).toList();
		Map<String, Conversation> written = new HashMap<>();
		mongo.find(Query.query(Criteria.where("_id").in(ids.stream().map(ObjectId::new).toList())), Conversation.class)
			.forEach(conversation -> written.put(conversation.id, conversation));
		Set<String> handedOver = messenger.referenced(ids);
		List<CheckInStart> unwritten = new ArrayList<>();
		List<Conversation> unsent = new ArrayList<>();
		for (CheckInStart start : starts) {
			Conversation conversation = written.get(start.conversationId());
			boolean inTime = !late.contains(start.participant());
			if (handedOver.contains(start.conversationId())) {
				boolean went = conversation != null && conversation.status != Conversation.Status.UNDELIVERED;
				results.put(start.participant(), went ? Optional.of(conversation.id) : Optional.empty());
			}
			else if (conversation == null) {
				if (inTime) {
					unwritten.add(start);
				}
			}
			else if (inTime && conversation.open() && conversation.replies == 0) {
				unsent.add(conversation);
			}
			else {
				if (conversation.open() && conversation.replies == 0) {
					single.undelivered(conversation);
				}
				results.put(start.participant(), Optional.empty());
			}
		}
		sendUnsent(unsent, results);
		results.putAll(batch.startAll(unwritten, settings.checkInFlow(), true));
		log.info("Finished {} interrupted check-in starts: {} had gone, {} written without their question, {} not written",
				starts.size(), handedOver.size(), unsent.size(), unwritten.size());
		return results;
	}

	/** Sends the first messages of check-in conversations written before a stop, without them. */
	private void sendUnsent(List<Conversation> unsent, Map<ParticipantId, Optional<String>> results) {
		if (unsent.isEmpty()) {
			return;
		}
		FlowDefinition flow = single.loaded(settings.checkInFlow());
		List<Texts> questions = FlowMachines.start(flow)
			.effects()
			.stream()
			.filter(Effect.Say.class::isInstance)
			.map(effect -> ((Effect.Say) effect).text())
			.toList();
		Map<ParticipantId, ParticipantProfile> people = participants
			.find(unsent.stream().map(conversation -> new ParticipantId(conversation.participantId)).toList());
		Map<String, ParticipantProfile> starting = new LinkedHashMap<>();
		List<Conversation> sending = new ArrayList<>();
		for (Conversation conversation : unsent) {
			ParticipantProfile participant = people.get(new ParticipantId(conversation.participantId));
			if (participant == null || !participant.active()) {
				single.undelivered(conversation);
				results.put(new ParticipantId(conversation.participantId), Optional.empty());
			}
			else {
				starting.put(conversation.id, participant);
				sending.add(conversation);
			}
		}
		batch.send(new BatchStarts.Opening(flow, sending, starting,
				batch.firstMessages(flow, questions, sending, starting), List.of()), results);
	}
}
