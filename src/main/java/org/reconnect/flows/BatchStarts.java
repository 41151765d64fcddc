package org.reconnect.flows;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.types.ObjectId;
import org.reconnect.flows.FlowDefinition.Texts;
import org.reconnect.flows.FlowMachines.Effect;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.SendResult;
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
 * Starts a flow with many participants at once (a check-in slot, a minute's reminders): one lookup,
 * one write of the new conversations and one of their first messages. Whoever cannot be started
 * so (a conversation open, a start that does more than ask) goes through {@link ConversationStarts}.
 */
@Component
class BatchStarts {

	private static final Logger log = LoggerFactory.getLogger(BatchStarts.class);

	private final ConversationStarts single;
	private final ConversationTexts texts;
	private final FlowSettings settings;
	private final MongoTemplate mongo;
	private final ParticipantService participants;
	private final Messenger messenger;
	private final AskedQuestions questions;
	private final Clock clock;

	BatchStarts(ConversationStarts single, ConversationTexts texts, FlowSettings settings, MongoTemplate mongo,
			ParticipantService participants, Messenger messenger, AskedQuestions questions, Clock clock) {
		this.single = single;
		this.texts = texts;
		this.settings = settings;
		this.mongo = mongo;
		this.participants = participants;
		this.messenger = messenger;
		this.questions = questions;
		this.clock = clock;
	}

	/**
	 * {@link ConversationRuntime#startCheckIn} for a batch of participants (a check-in slot's due
	 * participants), with the same policy and outcome for each, but one lookup of the participants
	 * and of their open conversations, one write of the new conversations and one of their first
	 * messages. Whoever has a conversation open, or whose new one could not be written (one opened
	 * meanwhile), goes through {@link ConversationRuntime#startCheckIn} on their own. Each new
	 * conversation gets the id its start names.
	 *
	 * @return per participant, what {@link ConversationRuntime#startCheckIn} would have returned; a
	 * participant left out could not be started (logged) and was sent nothing
	 */
	Map<ParticipantId, Optional<String>> startCheckIns(List<CheckInStart> starts) {
		return startAll(starts, settings.checkInFlow(), false);
	}

	/**
	 * Sends the caller's messages and starts one flow with the participants they go to, as one
	 * batch to the outbox (a minute's reminders and the reminder-reply flow's "Will you make it?"):
	 * each new conversation's first messages follow the caller's. A participant is started once,
	 * however many messages go to them. One with a conversation open is started after the batch,
	 * as the flow's {@code when_busy} says, and only when a message of the caller's went to them;
	 * a new conversation whose question was refused is marked undelivered. Once the messages are
	 * in the outbox, a flow that could not start is logged, never thrown: the messages went.
	 *
	 * @param to who each message goes to, in the order of {@code messages}, as the caller just read
	 * them (they are not looked up again)
	 * @return the results of the caller's messages, in their order
	 * @throws RuntimeException when the outbox could not take the batch; then no conversation is
	 * left waiting on a question that was never written
	 */
	List<SendResult> sendThenStart(List<OutboundMessage> messages, List<ParticipantProfile> to, String flowName) {
		FlowDefinition flow = single.loaded(flowName);
		FlowMachines.Step step = FlowMachines.start(flow);
		Map<ParticipantId, ParticipantProfile> people = new LinkedHashMap<>();
		to.forEach(participant -> people.putIfAbsent(participant.id(), participant));
		List<CheckInStart> starts = people.keySet().stream()
			.map(id -> new CheckInStart(id, new ObjectId().toHexString()))
			.toList();
		Map<ParticipantId, Optional<String>> results = new LinkedHashMap<>();
		Opening opening = null;
		if (startsInBatch(flow, step)) {
			try {
				opening = open(starts, people, flow, step, results);
			}
			catch (RuntimeException ex) {
				log.error("Flow {} could not be prepared for {} participants; their messages go without it", flowName,
						starts.size(), ex);
			}
		}
		List<OutboundMessage> batch = new ArrayList<>(messages);
		if (opening != null) {
			batch.addAll(opening.questions());
		}
		List<SendResult> sent;
		try {
			sent = messenger.sendAll(batch);
		}
		catch (RuntimeException ex) {
			if (opening != null) {
				opening.written().forEach(single::undelivered);
			}
			throw ex;
		}
		List<SendResult> theirs = sent.subList(0, messages.size());
		Set<ParticipantId> reached = new HashSet<>();
		for (int i = 0; i < theirs.size(); i++) {
			if (theirs.get(i).sent()) {
				reached.add(to.get(i).id());
			}
		}
		try {
			List<CheckInStart> later = starts;
			if (opening != null) {
				opened(opening, sent.subList(messages.size(), sent.size()), results);
				later = opening.alone();
			}
			later.stream()
				.filter(start -> reached.contains(start.participant()))
				.forEach(start -> startAlone(start, flowName, false, results));
		}
		catch (RuntimeException ex) {
			log.error("{} messages went, but flow {} could not start with all {} participants", messages.size(), flowName,
					starts.size(), ex);
		}
		return List.copyOf(theirs);
	}

	Map<ParticipantId, Optional<String>> startAll(List<CheckInStart> starts, String flowName, boolean resuming) {
		FlowDefinition flow = single.loaded(flowName);
		FlowMachines.Step step = FlowMachines.start(flow);
		Map<ParticipantId, Optional<String>> results = new LinkedHashMap<>();
		if (!startsInBatch(flow, step)) {
			starts.forEach(start -> startAlone(start, flowName, resuming, results));
			return results;
		}
		Map<ParticipantId, ParticipantProfile> people = starts.isEmpty() ? Map.of()
				: participants.find(starts.stream().map(CheckInStart::participant).toList());
		Opening opening = open(starts, people, flow, step, results);
		send(opening, results);
		opening.alone().forEach(start -> startAlone(start, flowName, resuming, results));
		return results;
	}

	/** Sends a batch's first messages and records what became of each conversation. */
	void send(Opening opening, Map<ParticipantId, Optional<String>> results) {
		List<SendResult> sent;
		try {
			sent = messenger.sendAll(opening.questions());
		}
		catch (RuntimeException ex) {
			log.error("The first messages of {} new conversations ({}) could not be handed to the outbox",
					opening.written().size(), opening.flow().name(), ex);
			opening.written().forEach(single::undelivered);
			return;
		}
		opened(opening, sent, results);
	}

	/** Whether a flow's start only asks, so that a batch of them can be written and sent together. */
	private static boolean startsInBatch(FlowDefinition flow, FlowMachines.Step step) {
		// A start that does more than ask (events, an immediate end) keeps its one-by-one path.
		// A flow that resumes begins where each participant's last conversation left off: one by one.
		return flow.party() != FlowDefinition.Party.ALLY && flow.resume() == null && !step.ended()
				&& step.effects().stream().allMatch(Effect.Say.class::isInstance);
	}

	/**
	 * A batch's new conversations, written, with their first messages still to send, and the
	 * starts left to {@link #startAlone} (a conversation open, or a new one that could not be written).
	 */
	record Opening(FlowDefinition flow, List<Conversation> written, Map<String, ParticipantProfile> starting,
			List<OutboundMessage> questions, List<CheckInStart> alone) {
	}

	/** Writes the new conversations of a batch in one command; an inactive participant's start gets empty. */
	private Opening open(List<CheckInStart> starts, Map<ParticipantId, ParticipantProfile> people, FlowDefinition flow,
			FlowMachines.Step step, Map<ParticipantId, Optional<String>> results) {
		List<CheckInStart> alone = new ArrayList<>();
		if (starts.isEmpty()) {
			return new Opening(flow, List.of(), Map.of(), List.of(), alone);
		}
		List<ParticipantId> ids = starts.stream().map(CheckInStart::participant).toList();
		Set<String> busy = new HashSet<>();
		Query open = Query.query(Criteria.where("openFor").in(ids.stream().map(ParticipantId::value).toList()));
		open.fields().include("openFor");
		mongo.find(open, Conversation.class).forEach(conversation -> busy.add(conversation.openFor));
		Instant now = clock.instant();
		Map<String, ParticipantProfile> starting = new LinkedHashMap<>();
		Map<String, CheckInStart> byConversation = new HashMap<>();
		List<Conversation> fresh = new ArrayList<>();
		for (CheckInStart start : starts) {
			ParticipantId id = start.participant();
			ParticipantProfile participant = people.get(id);
			if (participant == null) {
				log.error("Not starting {} with participant {}: no such participant", flow.name(), id);
			}
			else if (!participant.active()) {
				log.info("Not starting {} with participant {}: status {}", flow.name(), id, participant.status());
				results.put(id, Optional.empty());
			}
			else if (busy.contains(id.value())) {
				alone.add(start); // its when_busy policy decides
			}
			else {
				Conversation conversation = Conversation.start(id.value(), flow, step, now);
				conversation.id = start.conversationId(); // known before the write, to tell what was written
				fresh.add(conversation);
				starting.put(conversation.id, participant);
				byConversation.put(conversation.id, start);
			}
		}
		List<Conversation> written = write(fresh);
		Set<String> writtenIds = new HashSet<>();
		written.forEach(conversation -> writtenIds.add(conversation.id));
		for (Conversation conversation : fresh) {
			if (!writtenIds.contains(conversation.id)) {
				alone.add(byConversation.get(conversation.id));
			}
		}
		List<Texts> questions = step.effects().stream().map(effect -> ((Effect.Say) effect).text()).toList();
		return new Opening(flow, written, starting, firstMessages(flow, questions, written, starting), alone);
	}

	/** The first messages of the conversations, in their order: each one's questions in turn. */
	List<OutboundMessage> firstMessages(FlowDefinition flow, List<Texts> questions, List<Conversation> written,
			Map<String, ParticipantProfile> starting) {
		List<OutboundMessage> messages = new ArrayList<>();
		for (Conversation conversation : written) {
			Addressee addressee = Addressee.of(starting.get(conversation.id));
			for (Texts question : questions) {
				messages.add(new OutboundMessage(addressee.phone(), texts.render(question, addressee, flow), flow.sentAs(),
						conversation.id, conversation.expiresAt));
			}
		}
		return messages;
	}

	/** Writes new conversations in one command; those that could not be written are left out. */
	private List<Conversation> write(List<Conversation> fresh) {
		if (fresh.isEmpty()) {
			return List.of();
		}
		try {
			return List.copyOf(mongo.insert(fresh, Conversation.class));
		}
		catch (RuntimeException ex) {
			// Typically a conversation that opened meanwhile (the unique openFor index).
			log.info("{} new conversations could not all be written at once ({}); the others start one by one",
					fresh.size(), ex.getClass().getSimpleName());
			Query stored = Query.query(Criteria.where("_id").in(fresh.stream().map(c -> new ObjectId(c.id)).toList()));
			stored.fields().include("_id");
			Set<String> ids = new HashSet<>();
			mongo.find(stored, Conversation.class).forEach(conversation -> ids.add(conversation.id));
			List<Conversation> written = fresh.stream().filter(conversation -> ids.contains(conversation.id)).toList();
			written.forEach(conversation -> conversation.version = 0L);
			return written;
		}
	}

	/** Records what became of each new conversation of a batch, given the results of its first messages. */
	private void opened(Opening opening, List<SendResult> sent, Map<ParticipantId, Optional<String>> results) {
		int per = opening.written().isEmpty() ? 0 : opening.questions().size() / opening.written().size();
		List<Conversation> asked = new ArrayList<>();
		for (int i = 0; i < opening.written().size(); i++) {
			Conversation conversation = opening.written().get(i);
			ParticipantProfile participant = opening.starting().get(conversation.id);
			if (per == 0 || !sent.get(i * per).sent()) {
				single.undelivered(conversation);
				log.info("Conversation {} ({}) with participant {} was not delivered", conversation.id,
						opening.flow().name(), participant.id());
				results.put(participant.id(), Optional.empty());
				continue;
			}
			if (sent.get(i * per).outcome() == SendResult.Outcome.SENT) {
				asked.add(conversation);
			}
			log.info("Started conversation {} ({}) with participant {}", conversation.id, opening.flow().name(),
					participant.id());
			single.afterStep(participant, conversation);
			results.put(participant.id(), Optional.of(conversation.id));
		}
		questions.askedNow(asked, opening.flow());
	}

	private void startAlone(CheckInStart start, String flowName, boolean resuming,
			Map<ParticipantId, Optional<String>> results) {
		try {
			results.put(start.participant(), single.start(start.participant(), flowName, start.conversationId(), resuming));
		}
		catch (RuntimeException ex) {
			log.error("Could not start {} with participant {}", flowName, start.participant(), ex);
		}
	}
}
