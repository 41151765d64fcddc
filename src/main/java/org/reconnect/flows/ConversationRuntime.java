package org.reconnect.flows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import org.bson.types.ObjectId;
import org.reconnect.flows.FlowDefinition.Texts;
import org.reconnect.flows.FlowMachines.Effect;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.MessageUndelivered;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SendResult;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.system.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Runs conversations with participants, and with the allies they invite: starts one (by the
 * flow's policy when another is open), applies a reply,
 * times out waits, expires those past their deadline. State is saved before any message goes
 * out; a conversation whose first message was not delivered never counts as a missed check-in.
 * Its window runs from when its question went out, not from when it was written: a question
 * still in the outbox may go no later than the conversation's first deadline, and until it went
 * the conversation neither times out nor expires as missed.
 * Waits and deadlines are claimed one atomic update each, so several nodes sweeping at once act
 * on each exactly once.
 */
@Service
public class ConversationRuntime {

	private static final Logger log = LoggerFactory.getLogger(ConversationRuntime.class);
	private static final int ATTEMPTS = 5;

	private final FlowRegistry flows;
	private final FlowSettings settings;
	private final Conversations conversations;
	private final MongoTemplate mongo;
	private final ParticipantService participants;
	private final Messenger messenger;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final String programName;
	private final ObjectProvider<PlaceholderSource> placeholders;
	private final AskedQuestions questions;

	ConversationRuntime(FlowRegistry flows, FlowSettings settings, Conversations conversations, MongoTemplate mongo,
			ParticipantService participants, Messenger messenger, ApplicationEventPublisher events, Clock clock,
			@Value("${reconnect.messaging.program-name:Reconnect}") String programName,
			ObjectProvider<PlaceholderSource> placeholders, AskedQuestions questions) {
		this.questions = questions;
		this.flows = flows;
		this.settings = settings;
		this.conversations = conversations;
		this.mongo = mongo;
		this.participants = participants;
		this.messenger = messenger;
		this.events = events;
		this.clock = clock;
		this.programName = programName;
		this.placeholders = placeholders;
	}

	/**
	 * Starts today's check-in; empty when it did not go out now (see {@link #start}). A question
	 * still in the outbox (held for quiet hours, or waiting for a retry) counts as on its way; if
	 * it later fails, {@link #on(MessageUndelivered)} marks the conversation undelivered.
	 */
	public Optional<String> startCheckIn(ParticipantId participant) {
		return start(participant, settings.checkInFlow());
	}

	/**
	 * Today's check-in, started by hand (a coach trying the loop): it goes now or not at all. Unlike
	 * a scheduled one it never waits for an open conversation to end, so a refusal leaves nothing
	 * queued and no conversation waiting. A question held in the outbox (quiet hours, a retry) is on
	 * its way, until the check-in's deadline at the latest.
	 */
	public CheckInByHand checkInByHand(ParticipantId id) {
		ParticipantProfile participant = participants.find(id).orElseThrow();
		if (!participant.active()) {
			return CheckInByHand.refused(CheckInByHand.Refusal.NOT_ACTIVE);
		}
		if (conversations.findByOpenFor(id.value()).isPresent()) {
			return CheckInByHand.refused(CheckInByHand.Refusal.CONVERSATION_OPEN);
		}
		FlowDefinition flow = loaded(settings.checkInFlow());
		FlowMachines.Step step = FlowMachines.start(flow);
		Conversation conversation;
		try {
			conversation = conversations.save(Conversation.start(id.value(), flow, step, clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			return CheckInByHand.refused(CheckInByHand.Refusal.CONVERSATION_OPEN); // one opened meanwhile
		}
		List<SendResult> sent = carryOut(Addressee.of(participant), flow, conversation, step.effects(), flow.sentAs(),
				null);
		if (sent.isEmpty() || !sent.get(0).sent()) {
			undelivered(conversation);
			log.info("Check-in {} by hand with participant {} was not delivered", conversation.id, id);
			return CheckInByHand.refused(CheckInByHand.Refusal.NOT_DELIVERED);
		}
		if (sent.get(0).outcome() == SendResult.Outcome.SENT) {
			questions.askedNow(List.of(conversation), flow);
		}
		log.info("Started check-in {} by hand with participant {}", conversation.id, id);
		afterStep(participant, conversation);
		return new CheckInByHand(conversation.id, null);
	}

	/**
	 * {@link #startCheckIn} for a batch of participants (a check-in slot's due participants), with
	 * the same policy and outcome for each, but one lookup of the participants and of their open
	 * conversations, one write of the new conversations and one of their first messages. Whoever
	 * has a conversation open, or whose new one could not be written (one opened meanwhile), goes
	 * through {@link #startCheckIn} on their own. Each new conversation gets the id its start names.
	 *
	 * @return per participant, what {@link #startCheckIn} would have returned; a participant left
	 * out could not be started (logged) and was sent nothing
	 */
	public Map<ParticipantId, Optional<String>> startCheckIns(List<CheckInStart> starts) {
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
	public List<SendResult> sendThenStart(List<OutboundMessage> messages, List<ParticipantProfile> to, String flowName) {
		FlowDefinition flow = loaded(flowName);
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
				opening.written().forEach(this::undelivered);
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

	/**
	 * Finishes check-ins whose start a stopped node may have cut short, each by what it finds: a
	 * check-in whose first message is in the outbox went (as it did then); a conversation written
	 * without its first message gets it now; a check-in never written starts now, except that one
	 * already waiting in the participant's open conversation is not queued twice. A check-in in
	 * {@code late} is only tidied: a conversation written without its message is closed as
	 * undelivered, so it never counts as missed.
	 *
	 * @return per participant, as {@link #startCheckIns}; a late one that never went is left out
	 */
	public Map<ParticipantId, Optional<String>> finishCheckIns(List<CheckInStart> starts, Set<ParticipantId> late) {
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
					undelivered(conversation);
				}
				results.put(start.participant(), Optional.empty());
			}
		}
		sendUnsent(unsent, results);
		results.putAll(startAll(unwritten, settings.checkInFlow(), true));
		log.info("Finished {} interrupted check-in starts: {} had gone, {} written without their question, {} not written",
				starts.size(), handedOver.size(), unsent.size(), unwritten.size());
		return results;
	}

	/** Sends the first messages of check-in conversations written before a stop, without them. */
	private void sendUnsent(List<Conversation> unsent, Map<ParticipantId, Optional<String>> results) {
		if (unsent.isEmpty()) {
			return;
		}
		FlowDefinition flow = loaded(settings.checkInFlow());
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
				undelivered(conversation);
				results.put(new ParticipantId(conversation.participantId), Optional.empty());
			}
			else {
				starting.put(conversation.id, participant);
				sending.add(conversation);
			}
		}
		send(new Opening(flow, sending, starting, firstMessages(flow, questions, sending, starting), List.of()), results);
	}

	private Map<ParticipantId, Optional<String>> startAll(List<CheckInStart> starts, String flowName, boolean resuming) {
		FlowDefinition flow = loaded(flowName);
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
	private void send(Opening opening, Map<ParticipantId, Optional<String>> results) {
		List<SendResult> sent;
		try {
			sent = messenger.sendAll(opening.questions());
		}
		catch (RuntimeException ex) {
			log.error("The first messages of {} new conversations ({}) could not be handed to the outbox",
					opening.written().size(), opening.flow().name(), ex);
			opening.written().forEach(this::undelivered);
			return;
		}
		opened(opening, sent, results);
	}

	/** Whether a flow's start only asks, so that a batch of them can be written and sent together. */
	private static boolean startsInBatch(FlowDefinition flow, FlowMachines.Step step) {
		// A start that does more than ask (events, an immediate end) keeps its one-by-one path.
		return flow.party() != FlowDefinition.Party.ALLY && !step.ended()
				&& step.effects().stream().allMatch(Effect.Say.class::isInstance);
	}

	/**
	 * A batch's new conversations, written, with their first messages still to send, and the
	 * starts left to {@link #startAlone} (a conversation open, or a new one that could not be written).
	 */
	private record Opening(FlowDefinition flow, List<Conversation> written, Map<String, ParticipantProfile> starting,
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
	private List<OutboundMessage> firstMessages(FlowDefinition flow, List<Texts> questions, List<Conversation> written,
			Map<String, ParticipantProfile> starting) {
		List<OutboundMessage> messages = new ArrayList<>();
		for (Conversation conversation : written) {
			Addressee addressee = Addressee.of(starting.get(conversation.id));
			for (Texts question : questions) {
				messages.add(new OutboundMessage(addressee.phone(), render(question, addressee, flow), flow.sentAs(),
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
				undelivered(conversation);
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
			afterStep(participant, conversation);
			results.put(participant.id(), Optional.of(conversation.id));
		}
		questions.askedNow(asked, opening.flow());
	}

	private void undelivered(Conversation conversation) {
		try {
			conversation.undelivered();
			conversations.save(conversation);
		}
		catch (RuntimeException ex) {
			log.warn("Conversation {} could not be marked undelivered", conversation.id, ex);
		}
	}

	private void startAlone(CheckInStart start, String flowName, boolean resuming,
			Map<ParticipantId, Optional<String>> results) {
		try {
			results.put(start.participant(), start(start.participant(), flowName, start.conversationId(), resuming));
		}
		catch (RuntimeException ex) {
			log.error("Could not start {} with participant {}", flowName, start.participant(), ex);
		}
	}

	/**
	 * Starts a flow with a participant. When another conversation is open, the flow's
	 * {@code when_busy} policy decides: wait until it ends, interrupt it, or send alongside.
	 *
	 * @return the new conversation's id, when its first message went out now; empty when the
	 * participant is not active, the message could not be delivered, or the flow waits its turn
	 */
	public Optional<String> start(ParticipantId id, String flowName) {
		return start(id, flowName, null, false);
	}

	/**
	 * {@link #start(ParticipantId, String)}, the new conversation (if any) getting the id given,
	 * when one is. When {@code resuming} an interrupted start, a flow already waiting for the open
	 * conversation to end is not queued a second time.
	 */
	private Optional<String> start(ParticipantId id, String flowName, String conversationId, boolean resuming) {
		for (int attempt = 1;; attempt++) {
			try {
				return startOnce(id, flowName, conversationId, resuming);
			}
			catch (DuplicateKeyException | OptimisticLockingFailureException ex) {
				// Another start (a second click, another node) opened a conversation with them, or changed
				// the open one, a moment ago, before anything was sent: the flow's busy policy decides
				// again against what is open now.
				if (attempt == ATTEMPTS) {
					throw ex;
				}
				log.debug("Starting {} with participant {} met another start; looking again", flowName, id);
			}
		}
	}

	private Optional<String> startOnce(ParticipantId id, String flowName, String conversationId, boolean resuming) {
		ParticipantProfile participant = participants.find(id).orElseThrow();
		if (!participant.active()) {
			log.info("Not starting {} with participant {}: status {}", flowName, id, participant.status());
			return Optional.empty();
		}
		FlowDefinition flow = loaded(flowName);
		if (flow.party() == FlowDefinition.Party.ALLY) {
			throw InvalidInput.of("flow", "'" + flowName + "' is a flow with an ally: it starts when the participant names an ally");
		}
		Optional<Conversation> open = conversations.findByOpenFor(id.value());
		List<String> carried = new ArrayList<>();
		if (open.isPresent()) {
			Conversation busy = open.get();
			switch (flow.whenBusy()) {
				case WAIT -> {
					if (resuming && busy.queued.contains(flowName)) {
						log.info("Flow {} already waits for conversation {} of participant {}", flowName, busy.id, id);
						return Optional.empty();
					}
					// one atomic push: of starts at the same moment, none is lost to another's save
					Query stillOpen = Query.query(Criteria.where("_id").is(busy.id).and("openFor").is(busy.openFor));
					if (mongo.updateFirst(stillOpen, new Update().push("queued", flowName).inc("version", 1),
							Conversation.class).getMatchedCount() == 0) {
						throw new OptimisticLockingFailureException("conversation " + busy.id + " ended meanwhile");
					}
					log.info("Flow {} waits for conversation {} of participant {} to end", flowName, busy.id, id);
					return Optional.empty();
				}
				case ALONGSIDE -> {
					return alongside(participant, flow, conversationId);
				}
				case INTERRUPT -> {
					busy.supersede();
					carried.addAll(busy.queued);
					busy.queued.clear();
					conversations.save(busy);
				}
			}
		}
		FlowMachines.Step step = FlowMachines.start(flow);
		Conversation conversation = Conversation.start(id.value(), flow, step, clock.instant());
		conversation.id = conversationId;
		conversation.queued.addAll(carried);
		conversation = conversations.save(conversation);
		List<SendResult> sent = carryOut(Addressee.of(participant), flow, conversation, step.effects(), flow.sentAs(),
				null);
		if (sent.isEmpty() || !sent.get(0).sent()) {
			conversation.undelivered();
			conversations.save(conversation);
			log.info("Conversation {} ({}) with participant {} was not delivered", conversation.id, flowName, id);
			return Optional.empty();
		}
		if (sent.get(0).outcome() == SendResult.Outcome.SENT) {
			questions.askedNow(List.of(conversation), flow);
		}
		log.info("Started conversation {} ({}) with participant {}", conversation.id, flowName, id);
		afterStep(participant, conversation);
		return Optional.of(conversation.id);
	}

	/**
	 * Starts a flow with an ally the participant invited, in the ally's language (or the
	 * participant's when the ally has none). It closes no later than {@code answerBy}, the
	 * invitation's own deadline, so the conversation and the consent ledger agree on when it
	 * expired.
	 *
	 * @param entry the flow's entry to begin at (e.g. {@code crisis}), or null for its start
	 * @return the conversation's id, when its first message went out now
	 */
	public Optional<String> startWithAlly(InvitedAlly invited, String flowName, String entry, Instant answerBy) {
		ParticipantProfile inviter = participants.find(invited.invitedBy()).orElseThrow();
		FlowDefinition flow = loaded(flowName);
		if (flow.party() != FlowDefinition.Party.ALLY) {
			throw new IllegalArgumentException("flow " + flowName + " is not a flow with an ally (party: ally)");
		}
		Conversation.Ally ally = new Conversation.Ally(invited.allyId(), invited.phone(), invited.firstName(),
				invited.language() == null ? inviter.language() : invited.language());
		conversations.findByOpenFor(Conversation.partyKey(null, ally)).ifPresent(busy -> {
			busy.supersede();
			conversations.save(busy);
		});
		FlowMachines.Step step = FlowMachines.start(flow, flow.startFor(entry));
		Conversation conversation = Conversation.start(inviter.id().value(), ally, flow, step, clock.instant());
		if (answerBy != null && answerBy.isBefore(conversation.expiresAt)) {
			conversation.expiresAt = answerBy;
		}
		conversation = conversations.save(conversation);
		List<SendResult> sent = carryOut(Addressee.of(ally, inviter), flow, conversation, step.effects(),
				Purpose.CONSENT_REQUEST, null);
		if (sent.isEmpty() || !sent.get(0).sent()) {
			conversation.undelivered();
			conversations.save(conversation);
			log.info("Conversation {} ({}) with ally {} was not delivered", conversation.id, flowName, ally.allyId());
			return Optional.empty();
		}
		log.info("Started conversation {} ({}) with ally {} of participant {}", conversation.id, flowName, ally.allyId(),
				inviter.id());
		return Optional.of(conversation.id);
	}

	/**
	 * Closes the ally's open conversation, if any: their consent ended another way (STOP ALERTS,
	 * STOP, the participant took them off), so nothing more is asked of them.
	 */
	public void endWithAlly(String allyId) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Conversation open = conversations.findByOpenFor("ally:" + allyId).orElse(null);
			if (open == null) {
				return;
			}
			open.close(Conversation.Status.ENDED);
			open.waitUntil = null;
			try {
				conversations.save(open);
				log.info("Conversation {} with ally {} ended: their consent ended another way", open.id, allyId);
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				log.debug("Conversation {} changed meanwhile; looking again", open.id);
			}
		}
	}

	/** The ally's open conversation, as a coach may see it. */
	public Optional<ConversationView> openWithAlly(String allyId) {
		return conversations.findByOpenFor("ally:" + allyId).map(ConversationView::of);
	}

	private FlowDefinition loaded(String flowName) {
		return flows.current(flowName)
			.orElseThrow(() -> new IllegalStateException("flow " + flowName + " is not loaded; see the flow errors"));
	}

	/** Sends a flow's opening messages without touching the open conversation; kept as ended. */
	private Optional<String> alongside(ParticipantProfile participant, FlowDefinition flow, String conversationId) {
		FlowMachines.Step step = FlowMachines.start(flow);
		Conversation record = Conversation.start(participant.id().value(), flow, step, clock.instant());
		record.id = conversationId;
		record.close(Conversation.Status.ENDED);
		record.waitUntil = null;
		record.queued.clear();
		record = conversations.save(record);
		List<SendResult> sent = carryOut(Addressee.of(participant), flow, record, step.effects(), flow.sentAs(), null);
		return sent.isEmpty() || !sent.get(0).sent() ? Optional.empty() : Optional.of(record.id);
	}

	/**
	 * Applies a reply to the participant's open conversation, one message at a time: a concurrent
	 * change to the same conversation makes this one reload and apply again.
	 *
	 * @return false when the participant has no open conversation
	 */
	boolean reply(ParticipantProfile participant, InboundMessage message) {
		return applyReply(participant.id().value(), Addressee.of(participant), message);
	}

	/**
	 * Applies a message from an ally's number to their newest open conversation still within its
	 * time (one number can be the ally of several participants; the newest invitation answers
	 * first, as a person would expect).
	 *
	 * @return false when the number has no such conversation
	 */
	boolean replyAsAlly(InboundMessage message) {
		Query open = Query
			.query(Criteria.where("ally.phone").is(message.from()).and("status").is(Conversation.Status.ACTIVE)
				.and("expiresAt").gt(clock.instant()))
			.with(Sort.by(Sort.Direction.DESC, "startedAt", "id"))
			.limit(1);
		Conversation newest = mongo.findOne(open, Conversation.class);
		if (newest == null) {
			return false;
		}
		ParticipantProfile inviter = participants.find(new ParticipantId(newest.participantId)).orElse(null);
		if (inviter == null || answersOwnConversation(message, newest)) {
			return false;
		}
		return applyReply(newest.partyKey(), Addressee.of(newest.ally, inviter), message);
	}

	/**
	 * A number that is an ally and a participant at once, with a conversation of each open: the
	 * reply goes to the invitation only when the invitation asked last and the reply clearly
	 * answers it (a rule other than {@code when: any}); otherwise to the participant's own.
	 */
	private boolean answersOwnConversation(InboundMessage message, Conversation asAlly) {
		ParticipantProfile own = participants.findByPhone(message.from()).orElse(null);
		Conversation ownOpen = own == null ? null : conversations.findByOpenFor(own.id().value()).orElse(null);
		if (ownOpen == null) {
			return false;
		}
		if (ownOpen.lastActivityAt.isAfter(asAlly.lastActivityAt)) {
			return true;
		}
		FlowDefinition.StateDefinition state = flows.revision(asAlly.revision).state(asAlly.state).orElse(null);
		int rule = state == null ? -1 : FlowMachines.firstMatch(state, message.body());
		return rule < 0 || state.rules().get(rule).when() instanceof Matcher.Any;
	}

	private boolean applyReply(String partyKey, Addressee addressee, InboundMessage message) {
		return applyWithRetry(partyKey, addressee, (conversation, flow) -> {
			FlowMachines.Step step = FlowMachines.reply(flow, conversation.state, message.body());
			conversation.reply(flow, step, clock.instant());
			return step.matched() ? step.effects() : List.of(new Effect.Say(flow.notUnderstood()));
		}, Purpose.REPLY, message.key()).isPresent();
	}

	private Optional<Conversation> applyWithRetry(String partyKey, Addressee addressee,
			BiFunction<Conversation, FlowDefinition, List<Effect>> change, Purpose purpose, String cause) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Optional<Conversation> open = conversations.findByOpenFor(partyKey);
			if (open.isEmpty()) {
				return Optional.empty();
			}
			Conversation conversation = open.get();
			FlowDefinition flow = flows.revision(conversation.revision);
			List<Effect> effects = change.apply(conversation, flow);
			try {
				conversations.save(conversation);
			}
			catch (OptimisticLockingFailureException ex) {
				log.debug("Conversation {} changed meanwhile; applying again", conversation.id);
				continue;
			}
			carryOut(addressee, flow, conversation, effects, purpose, cause);
			afterStep(addressee.participant(), conversation);
			return Optional.of(conversation);
		}
		throw new IllegalStateException("conversation of party " + partyKey + " kept changing");
	}

	/**
	 * Times out every wait that has run out: each is claimed by one atomic update, then the
	 * state's timeout transition runs (a gentle nudge, or an end).
	 *
	 * @return how many waits timed out
	 */
	public int timeoutsDue() {
		int count = 0;
		Query due = Query.query(Criteria.where("status").is(Conversation.Status.ACTIVE).and("waitUntil").lte(clock.instant())
			.and("questionPending").ne(true));
		Conversation claimed;
		while ((claimed = mongo.findAndModify(due, new Update().unset("waitUntil"),
				FindAndModifyOptions.options().returnNew(true), Conversation.class)) != null) {
			count++;
			Conversation conversation = claimed;
			FlowDefinition flow = flows.revision(conversation.revision);
			FlowMachines.Step step = FlowMachines.timeout(flow, conversation.state);
			conversation.timedOut(flow, step, clock.instant());
			try {
				conversations.save(conversation);
			}
			catch (OptimisticLockingFailureException ex) {
				continue; // a reply came in meanwhile and moved the conversation on
			}
			ParticipantProfile participant = participants.find(new ParticipantId(conversation.participantId)).orElse(null);
			if (participant != null) {
				Addressee addressee = conversation.withAlly() ? Addressee.of(conversation.ally, participant)
						: Addressee.of(participant);
				carryOut(addressee, flow, conversation, step.effects(),
						conversation.withAlly() ? Purpose.CONSENT_REQUEST : flow.sentAs(), null);
				afterStep(participant, conversation);
			}
		}
		return count;
	}

	/**
	 * Closes every open conversation past its deadline, raising {@link CheckInMissed} for a
	 * check-in that was asked and got no reply at all, then starts what was waiting for it. A
	 * conversation whose question never went out before its deadline is closed as undelivered
	 * instead: it was never seen, so it is never missed (see {@link AskedQuestions#settle}).
	 *
	 * @return how many expired
	 */
	public int expireDue() {
		questions.settle().forEach(this::notDelivered);
		int expired = 0;
		Query due = Query.query(Criteria.where("status").is(Conversation.Status.ACTIVE).and("expiresAt").lte(clock.instant())
			.and("questionPending").ne(true));
		Conversation claimed;
		while ((claimed = mongo.findAndModify(due,
				new Update().set("status", Conversation.Status.EXPIRED).set("openFor", Conversation.closedKey()),
				FindAndModifyOptions.options().returnNew(true), Conversation.class)) != null) {
			expired++;
			if (claimed.replies == 0 && "CheckInMissed".equals(claimed.onExpiry)) {
				log.info("Check-in {} of participant {} expired unanswered", claimed.id, claimed.participantId);
				events.publishEvent(new CheckInMissed(new ParticipantId(claimed.participantId), claimed.id,
						claimed.askedAt != null ? claimed.askedAt : claimed.startedAt));
			}
			Conversation ended = claimed;
			if (!ended.withAlly()) {
				participants.find(new ParticipantId(ended.participantId)).ifPresent(p -> startQueued(p, ended));
			}
		}
		return expired;
	}

	/** Closes a conversation whose question never went out as undelivered, if it still waits for it. */
	private void notDelivered(String id) {
		Query waiting = Query.query(Criteria.where("_id").is(new ObjectId(id)).and("status").is(Conversation.Status.ACTIVE)
			.and("questionPending").is(true));
		Conversation closed = mongo.findAndModify(waiting,
				new Update().set("status", Conversation.Status.UNDELIVERED).set("openFor", Conversation.closedKey())
					.set("questionPending", false).inc("version", 1),
				FindAndModifyOptions.options().returnNew(true), Conversation.class);
		if (closed == null) {
			return;
		}
		log.info("Conversation {} ({}) with participant {} was not delivered: its question could not go before {}",
				closed.id, closed.flow, closed.participantId, closed.expiresAt);
		participants.find(new ParticipantId(closed.participantId)).ifPresent(p -> startQueued(p, closed));
	}

	/**
	 * A check-in (or a reminder's question) whose question the outbox gave up on, or Twilio
	 * reported undelivered, was never seen: it can never count as missed. Only a conversation
	 * still waiting for its first answer changes (through the aggregate, with its version, so a
	 * concurrent reply wins or reloads).
	 */
	@EventListener
	void on(MessageUndelivered undelivered) {
		if (undelivered.purpose() != Purpose.CHECK_IN && undelivered.purpose() != Purpose.REMINDER
				&& undelivered.purpose() != Purpose.CONSENT_REQUEST || undelivered.reference() == null) {
			return;
		}
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Conversation conversation = conversations.findById(undelivered.reference()).orElse(null);
			if (conversation == null || !conversation.open() || conversation.replies > 0) {
				return;
			}
			conversation.undelivered();
			try {
				conversations.save(conversation);
				log.info("Conversation {} marked undelivered: its check-in never arrived", conversation.id);
				if (!conversation.withAlly()) {
					participants.find(new ParticipantId(conversation.participantId))
						.ifPresent(participant -> startQueued(participant, conversation));
				}
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				log.debug("Conversation {} changed meanwhile; looking again", conversation.id);
			}
		}
	}

	public Optional<ConversationView> open(ParticipantId participant) {
		return conversations.findByOpenFor(participant.value())
			.map(ConversationView::of);
	}

	public List<ConversationView> history(ParticipantId participant) {
		return conversations.history(participant.value())
			.stream()
			.filter(c -> !c.withAlly())
			.map(ConversationView::of)
			.toList();
	}

	/** The names of the flows loaded now. */
	public Set<String> flowNames() {
		return new TreeSet<>(flows.names());
	}

	private void afterStep(ParticipantProfile participant, Conversation conversation) {
		if (!conversation.open() && !conversation.withAlly()) {
			startQueued(participant, conversation);
		}
	}

	private void startQueued(ParticipantProfile participant, Conversation ended) {
		List<String> queued = List.copyOf(ended.queued);
		for (String flow : queued) {
			if (flows.current(flow).isEmpty()) {
				log.warn("Conversation {} asked to start flow {}, which is not loaded", ended.id, flow);
				continue;
			}
			start(participant.id(), flow);
		}
	}

	/**
	 * Who a conversation's messages go to and the names its texts may use: the participant, or an
	 * ally with the participant who invited them.
	 */
	private record Addressee(String phone, String language, String firstName, ParticipantProfile participant,
			Conversation.Ally ally) {

		static Addressee of(ParticipantProfile participant) {
			return new Addressee(participant.phone(), participant.language(), participant.firstName(), participant, null);
		}

		static Addressee of(Conversation.Ally ally, ParticipantProfile inviter) {
			return new Addressee(ally.phone(), ally.language(), ally.firstName(), inviter, ally);
		}
	}

	private List<SendResult> carryOut(Addressee addressee, FlowDefinition flow, Conversation conversation,
			List<Effect> effects, Purpose purpose, String cause) {
		ParticipantProfile participant = addressee.participant();
		List<SendResult> results = new ArrayList<>();
		for (Effect effect : effects) {
			if (effect instanceof Effect.Say say) {
				// A question or re-ask that cannot go before the deadline is dropped; a reply is never held.
				Instant notAfter = purpose == Purpose.REPLY ? null : conversation.expiresAt;
				OutboundMessage message = new OutboundMessage(addressee.phone(), render(say.text(), addressee, flow),
						purpose, conversation.id, notAfter);
				// a text to an ally speaks of the participant: it is erased with them
				results.add(messenger.send(addressee.ally() == null ? message : message.about(conversation.participantId)));
			}
			else if (effect instanceof Effect.RecordConsent consent && addressee.ally() != null) {
				events.publishEvent(new AllyAnswered(addressee.ally().allyId(), participant.id(), consent.granted(),
						conversation.id, cause));
			}
			else if (effect instanceof Effect.Emit emit && "CheckInAnswered".equals(emit.event())) {
				events.publishEvent(new CheckInAnswered(participant.id(), conversation.id));
			}
			else if (effect instanceof Effect.Emit emit && "CheckInTimeChosen".equals(emit.event())) {
				TimesOfDay.parse(conversation.answers.get("check_in_time"))
					.ifPresent(time -> events.publishEvent(new CheckInTimeChosen(participant.id(), time)));
			}
			else if (effect instanceof Effect.Handover handover) {
				log.info("Conversation {} hands participant {} over to their coach", conversation.id, participant.id());
				events.publishEvent(new HandoverRequested(participant.id(), conversation.id, handover.reason()));
			}
			// Save and StartFlow were applied to the conversation before it was saved.
		}
		return results;
	}

	private String render(Texts text, Addressee addressee, FlowDefinition flow) {
		String template = text.in(addressee.language(), flow.defaultLanguage());
		ParticipantProfile participant = addressee.participant();
		String named = template.replace("{first_name}", addressee.firstName())
			.replace("{participant_name}", participant.firstName())
			.replace("{program_name}", programName);
		if (addressee.ally() != null) {
			return named; // the validator lets an ally's texts hold names only
		}
		return named.replace("{coach_name}", participant.coach())
			.replace("{streak}", template.contains("{streak}")
					? Integer.toString(streak(participant, answeredCheckIns(participant))) : "")
			.replace("{progress}", template.contains("{progress}") ? progress(participant) : "")
			.replace("{next_meeting}", template.contains("{next_meeting}") ? nextMeeting(participant) : "");
	}

	private String nextMeeting(ParticipantProfile participant) {
		return placeholders.orderedStream()
			.filter(source -> source.placeholder().equals("next_meeting"))
			.map(source -> source.value(participant))
			.flatMap(Optional::stream)
			.findFirst()
			.orElse("es".equals(participant.language()) ? "nada planeado aún" : "nothing planned yet");
	}

	/** A sentence that recognises progress, whatever it is: a streak, this week's check-ins, or being here. */
	private String progress(ParticipantProfile participant) {
		boolean spanish = "es".equals(participant.language());
		List<Conversation> answered = answeredCheckIns(participant);
		int streak = streak(participant, answered);
		if (streak >= 2) {
			return spanish ? "Llevas " + streak + " días seguidos respondiendo."
					: "You've checked in " + streak + " days in a row.";
		}
		Instant weekAgo = clock.instant().minus(java.time.Duration.ofDays(7));
		long thisWeek = answered.stream().filter(c -> c.startedAt.isAfter(weekAgo)).count();
		if (thisWeek > 0) {
			return spanish ? "Esta semana respondiste " + thisWeek + (thisWeek == 1 ? " vez." : " veces.")
					: "You checked in " + thisWeek + (thisWeek == 1 ? " time" : " times") + " this week.";
		}
		return spanish ? "Cada check-in cuenta, y aquí estás." : "Every check-in counts, and you're here.";
	}

	/** The participant's check-ins that got a reply, newest first. */
	private List<Conversation> answeredCheckIns(ParticipantProfile participant) {
		return conversations.history(participant.id().value())
			.stream()
			.filter(c -> c.flow.equals(settings.checkInFlow()) && c.replies > 0)
			.toList();
	}

	/** Days in a row, up to today, on which the participant answered their check-in. */
	private int streak(ParticipantProfile participant, List<Conversation> answeredCheckIns) {
		Set<LocalDate> answered = new TreeSet<>();
		for (Conversation c : answeredCheckIns) {
			answered.add(c.startedAt.atZone(participant.zone()).toLocalDate());
		}
		LocalDate day = clock.instant().atZone(participant.zone()).toLocalDate();
		if (!answered.contains(day)) {
			day = day.minusDays(1);
		}
		int streak = 0;
		while (answered.contains(day)) {
			streak++;
			day = day.minusDays(1);
		}
		return streak;
	}
}
