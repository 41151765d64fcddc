package org.reconnect.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeSet;

import org.quartz.TriggerKey;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SendResult;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.scheduling.Reminder.Outcome;
import org.reconnect.scheduling.ReminderPlan.Send;
import org.reconnect.system.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Sends the reminders that are due. A Quartz trigger per minute in which reminders fall due runs
 * {@link #fireDue()}, which claims each due reminder by moving it to its next send in one
 * conditional update of its document (compare-and-set on its version), then sends: whichever node
 * wins the update sends, so a reminder goes once however many nodes fire.
 *
 * <p>The rule for late and quiet sends, decided at the moment of sending and recorded either way:
 * a send whose meeting has started is skipped; of several sends of one reminder that are all due
 * (after downtime) only the last is sent; a send due inside the participant's quiet hours goes
 * when they end if that is still before the meeting, else it is skipped.
 */
@Component
class ReminderEngine {

	private static final Logger log = LoggerFactory.getLogger(ReminderEngine.class);

	/** Set by a claim to its batch's token: afterwards, which reminders the batch won. */
	private static final String CLAIM_TOKEN = "claimedBy";

	private static final int KEPT_RECORDS = 20;

	/**
	 * Runs after each batch's claim, before its hand-over: a test throws from it to stop there, as
	 * a node killed at that moment would.
	 */
	volatile Runnable afterClaim = () -> {
	};

	/** The flow that asks whether the participant will make it, when it is loaded. */
	static final String REPLY_FLOW = "reminder-reply";

	/** What a reconciliation repaired. */
	record Repairs(int reminders, int triggersCreated, int triggersRemoved) {
	}

	private final MongoTemplate mongo;
	private final Triggers triggers;
	private final ParticipantService participants;
	private final Messenger messenger;
	private final ConversationRuntime conversations;
	private final HandOffs handOffs;
	private final SchedulingMeters meters;
	private final SchedulingSettings settings;
	private final Clock clock;
	private final ReminderTexts texts;
	private volatile boolean stopping;

	ReminderEngine(MongoTemplate mongo, Triggers triggers, ParticipantService participants, Messenger messenger,
			ConversationRuntime conversations, HandOffs handOffs, SchedulingMeters meters, SchedulingSettings settings,
			Clock clock, ReminderTexts texts) {
		this.settings = settings;
		this.texts = texts;
		this.meters = meters;
		this.handOffs = handOffs;
		this.mongo = mongo;
		this.triggers = triggers;
		this.participants = participants;
		this.messenger = messenger;
		this.conversations = conversations;
		this.clock = clock;
	}

	/**
	 * Claims and handles every reminder due now, in batches, until none is left or the node stops.
	 *
	 * @return how many due sends this call decided (sent, deferred or skipped)
	 */
	int fireDue() {
		Instant now = clock.instant();
		Set<String> failed = ConcurrentHashMap.newKeySet();
		Set<Instant> ensured = ConcurrentHashMap.newKeySet();
		int batchSize = Math.max(1, settings.handOffBatch());
		int decided = 0;
		while (!stopping) {
			// A reminder with a send still pending waits for it to be finished (see recover()).
			Query due = Query.query(Criteria.where("nextSendAt").lte(now).and("_id").nin(failed).and("pending").exists(false))
				.limit(batchSize * Math.max(1, settings.handOffThreads()));
			List<Reminder> found = new ArrayList<>(mongo.find(due, Reminder.class));
			if (found.isEmpty()) {
				break;
			}
			// Nodes firing together start at different places, so they seldom race for one document.
			Collections.shuffle(found);
			decided += handOffs.each(batches(found), batch -> stopping ? 0 : handle(batch, now, ensured, failed));
		}
		return decided;
	}

	private List<List<Reminder>> batches(List<Reminder> found) {
		int batchSize = Math.max(1, settings.handOffBatch());
		List<List<Reminder>> batches = new ArrayList<>();
		for (int from = 0; from < found.size(); from += batchSize) {
			batches.add(found.subList(from, Math.min(found.size(), from + batchSize)));
		}
		return batches;
	}

	/** {@link #handle(List, Instant, Set, Set)} for one reminder; true when it was decided here. */
	boolean handle(Reminder reminder, Instant now, Set<Instant> ensured) {
		return handle(List.of(reminder), now, ensured, ConcurrentHashMap.newKeySet()) == 1;
	}

	/**
	 * Decides, claims and sends a batch of due reminders: one lookup of their participants, one
	 * bulk claim (each a compare-and-set on its own version, so a reminder goes once however many
	 * threads and nodes fire), one write of the messages and one of the delivery records. A
	 * reminder that cannot be decided is left due and added to {@code failed}; the others go on.
	 *
	 * @return how many due sends this batch decided (sent, deferred or skipped)
	 */
	int handle(List<Reminder> batch, Instant now, Set<Instant> ensured, Set<String> failed) {
		Map<ParticipantId, ParticipantProfile> people = participants
			.find(batch.stream().map(reminder -> new ParticipantId(reminder.participantId)).toList());
		List<Decision> decisions = new ArrayList<>();
		for (Reminder reminder : batch) {
			try {
				Decision decision = decide(reminder, now, people.get(new ParticipantId(reminder.participantId)));
				if (decision != null) {
					decisions.add(decision);
				}
			}
			catch (RuntimeException ex) {
				failed.add(reminder.id);
				log.error("Reminder {} could not be handled; it stays due for the next fire", reminder.id, ex);
			}
		}
		List<Decision> claimed = claim(decisions, now);
		afterClaim.run();
		List<Decision> sending = new ArrayList<>();
		for (Decision decision : claimed) {
			if (decision.nextSendAt() != null && ensured.add(Triggers.reminderMinute(decision.nextSendAt()))) {
				triggers.ensureReminderMinute(decision.nextSendAt());
			}
			if (decision.sending()) {
				meters.handingOff("reminder", decision.reminder().nextSendAt); // after quiet hours: their end
				sending.add(decision);
			}
			else {
				Reminder reminder = decision.reminder();
				log.info("Reminder {} for participant {} ({} of the meeting at {}): {}", reminder.id,
						reminder.participantId, reminder.leadList().get(decision.current().lead()).describe(),
						decision.current().occurrence().start().toInstant(), decision.outcome());
			}
		}
		send(sending, now);
		return claimed.size();
	}

	/** What becomes of one due send, and the claim that records it. */
	private record Decision(Reminder reminder, Send current, ParticipantProfile participant, Outcome outcome,
			Update claim, Instant nextSendAt) {

		boolean sending() {
			return outcome == Outcome.SENT || outcome == Outcome.SENT_LATE || outcome == Outcome.SENT_AFTER_QUIET_HOURS;
		}
	}

	/** Decides a due send by the rules in the class comment; null when it is not due (any more). */
	private Decision decide(Reminder reminder, Instant now, ParticipantProfile participant) {
		// A cursor may hand back a document as it is after the query matched it: another thread
		// may have claimed it since. Only a reminder still due now is handled.
		if (reminder.nextSendAt == null || reminder.nextSendAt.isAfter(now) || reminder.nextMeetingAt == null
				|| reminder.pending != null) {
			return null;
		}
		Send current = ReminderPlan.current(reminder);
		Send next = ReminderPlan.nextSend(reminder, current);
		Outcome outcome;
		Instant deferTo = null;
		if (!now.isBefore(current.occurrence().start().toInstant())) {
			outcome = Outcome.SKIPPED_TOO_LATE;
		}
		else if (next != null && !next.plannedAt().isAfter(now)) {
			outcome = Outcome.SKIPPED_SUPERSEDED;
		}
		else if (participant == null || !participant.active()) {
			outcome = Outcome.NOT_SENT_INACTIVE;
		}
		else if (participant.quietHours().contains(now, participant.zone())) {
			Instant end = participant.quietHours().endAfter(now, participant.zone());
			if (!reminder.nextDeferred && end.isBefore(current.occurrence().start().toInstant())
					&& (next == null || end.isBefore(next.plannedAt()))) {
				outcome = Outcome.DEFERRED_QUIET_HOURS;
				deferTo = end;
			}
			else {
				outcome = Outcome.SKIPPED_QUIET_HOURS;
			}
		}
		else {
			outcome = reminder.nextDeferred ? Outcome.SENT_AFTER_QUIET_HOURS
					: now.isAfter(current.plannedAt().plusSeconds(120)) ? Outcome.SENT_LATE : Outcome.SENT;
		}
		Update claim = new Update().inc("version", 1);
		Instant nextSendAt;
		if (deferTo != null) {
			claim.set("nextSendAt", deferTo).set("nextDeferred", true);
			nextSendAt = deferTo;
		}
		else if (next == null) {
			claim.unset("nextSendAt").unset("nextPlannedAt").unset("nextMeetingAt").unset("nextOccurrence")
				.set("nextLead", 0).set("nextDeferred", false);
			nextSendAt = null;
		}
		else {
			claim.set("nextSendAt", next.plannedAt()).set("nextPlannedAt", next.plannedAt())
				.set("nextMeetingAt", next.occurrence().start().toInstant())
				.set("nextOccurrence", next.occurrence().key()).set("nextLead", next.lead()).set("nextDeferred", false);
			nextSendAt = next.plannedAt();
		}
		Decision decision = new Decision(reminder, current, participant, outcome, claim, nextSendAt);
		if (!decision.sending()) {
			claim.push("deliveries").slice(-KEPT_RECORDS).each(delivery(reminder, current, now, outcome));
		}
		return decision;
	}

	/**
	 * Claims the decided sends in one bulk write: each update applies only while the reminder's
	 * version is the one decided on (another node, or a coach's change, may have moved it) and
	 * marks it with this batch's token, which tells afterwards which of them this batch won. A
	 * send that is to go is recorded as pending by the same update, until its message is in the
	 * outbox.
	 */
	private List<Decision> claim(List<Decision> decisions, Instant now) {
		if (decisions.isEmpty()) {
			return List.of();
		}
		String token = UUID.randomUUID().toString();
		BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, Reminder.class);
		for (Decision decision : decisions) {
			Reminder reminder = decision.reminder();
			Update claim = decision.claim().set(CLAIM_TOKEN, token);
			if (decision.sending()) {
				Send send = decision.current();
				reminder.pending = new Reminder.Pending(send.occurrence().key(), send.occurrence().start().toInstant(),
						send.lead(), send.plannedAt(), decision.outcome(), token, now);
				claim.set("pending", reminder.pending);
			}
			bulk.updateOne(Query.query(Criteria.where("_id").is(reminder.id).and("version").is(reminder.version)), claim);
		}
		try {
			bulk.execute();
		}
		catch (BulkOperationException ex) {
			// The updates that failed left their reminders due; the others are claimed.
			log.error("{} of {} reminder claims failed; those stay due", ex.getErrors().size(), decisions.size(), ex);
		}
		Query won = Query.query(Criteria.where("_id").in(decisions.stream().map(d -> d.reminder().id).toList())
			.and(CLAIM_TOKEN).is(token));
		won.fields().include("_id");
		Set<String> mine = new HashSet<>();
		mongo.find(won, Reminder.class).forEach(reminder -> mine.add(reminder.id));
		return decisions.stream().filter(decision -> mine.contains(decision.reminder().id)).toList();
	}

	/**
	 * Sends the claimed reminders, each with its reply flow's question, as one batch, records the outcomes
	 * and clears their pending marks (only while still theirs: a recovery may have taken one over).
	 * When the outbox cannot take them, they stay pending and {@link #recover()} sends them.
	 *
	 * @return how many were handed to the outbox
	 */
	private int send(List<Decision> sending, Instant now) {
		if (sending.isEmpty()) {
			return 0;
		}
		boolean replyFlow = conversations.flowNames().contains(REPLY_FLOW);
		List<OutboundMessage> messages = new ArrayList<>();
		for (Decision decision : sending) {
			Reminder reminder = decision.reminder();
			Send current = decision.current();
			ParticipantProfile participant = decision.participant();
			String text = texts.reminder(participant.language(), participant.firstName(), reminder.title,
					reminder.place, reminder.note, current.occurrence().start(),
					now.atZone(current.occurrence().start().getZone()).toLocalDate(), !replyFlow);
			String reference = reference(reminder, current);
			// Useless once the meeting has started: the outbox drops it then if it is still waiting.
			messages.add(new OutboundMessage(participant.phone(), text, Purpose.REMINDER, reference,
					current.occurrence().start().toInstant()));
		}
		List<SendResult> results;
		try {
			// The reply flow's "will you make it?" goes in the same batch; it waits its turn where
			// another conversation is open.
			results = replyFlow
					? conversations.sendThenStart(messages, sending.stream().map(Decision::participant).toList(),
							REPLY_FLOW)
					: messenger.sendAll(messages);
		}
		catch (RuntimeException ex) {
			log.error("{} claimed reminders could not be handed to the outbox; they are sent once the lease of {} is over",
					sending.size(), settings.handOffLease(), ex);
			return 0;
		}
		BulkOperations records = mongo.bulkOps(BulkMode.UNORDERED, Reminder.class);
		for (int i = 0; i < sending.size(); i++) {
			Decision decision = sending.get(i);
			Reminder reminder = decision.reminder();
			Send current = decision.current();
			Outcome outcome = decision.outcome();
			if (!results.get(i).sent()) {
				log.info("Reminder {} to {} was not delivered: {}", reminder.id,
						Masking.phone(decision.participant().phone()), results.get(i).outcome());
				outcome = Outcome.NOT_SENT_REFUSED;
			}
			records.updateOne(mine(reminder),
					new Update().push("deliveries").slice(-KEPT_RECORDS).each(delivery(reminder, current, now, outcome))
						.set("lastSentAt", now).set("lastSentOccurrence", current.occurrence().key())
						.set("lastSentMeetingAt", current.occurrence().start().toInstant())
						.unset("pending"));
		}
		records.execute();
		return sending.size();
	}

	/** The outbox reference of one send: one occurrence's one lead of one reminder, so at most one message. */
	static String reference(Reminder reminder, Send send) {
		return "reminder:" + reminder.id + ":" + send.occurrence().key() + ":" + send.lead();
	}

	/** The reminder while its pending send is still the one this hand-off holds. */
	private static Query mine(Reminder reminder) {
		return Query.query(Criteria.where("_id").is(reminder.id).and("pending.token").is(reminder.pending.token()));
	}

	/**
	 * Takes over the sends claimed longer than the lease ago and still pending (their node stopped
	 * half way), each by a compare-and-set on the token it carries, so two nodes never both take
	 * one, and finishes them: a send whose message is already in the outbox (found by its
	 * reference) is only recorded; the others follow the late rules of the class comment (skipped
	 * once the meeting started, or when a later send of the reminder is due by now) and otherwise
	 * go now, late. One the outbox cannot take is tried again after another lease.
	 *
	 * @return how many pending sends were finished
	 */
	int recover() {
		Instant now = clock.instant();
		Instant stale = now.minus(settings.handOffLease());
		Set<String> tried = ConcurrentHashMap.newKeySet();
		int finished = 0;
		while (!stopping) {
			Query left = Query.query(Criteria.where("pending.claimedAt").lt(stale).and("_id").nin(tried))
				.limit(Math.max(1, settings.handOffBatch()) * Math.max(1, settings.handOffThreads()));
			List<Reminder> found = mongo.find(left, Reminder.class);
			if (found.isEmpty()) {
				break;
			}
			found.forEach(reminder -> tried.add(reminder.id));
			finished += handOffs.each(batches(found), batch -> finish(takeOver(batch, now), now));
		}
		if (finished > 0) {
			log.info("Finished {} reminder sends a stopped node left pending", finished);
		}
		return finished;
	}

	/** Moves the batch's pending sends to a new token, each only while it carries the token read. */
	private List<Reminder> takeOver(List<Reminder> batch, Instant now) {
		String token = UUID.randomUUID().toString();
		BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, Reminder.class);
		for (Reminder reminder : batch) {
			bulk.updateOne(mine(reminder), new Update().set("pending.token", token).set("pending.claimedAt", now));
		}
		try {
			bulk.execute();
		}
		catch (BulkOperationException ex) {
			log.error("{} of {} take-overs of pending reminder sends failed; tried again later", ex.getErrors().size(),
					batch.size(), ex);
		}
		Query won = Query.query(Criteria.where("_id").in(batch.stream().map(reminder -> reminder.id).toList())
			.and("pending.token").is(token));
		won.fields().include("_id");
		Set<String> mine = new HashSet<>();
		mongo.find(won, Reminder.class).forEach(reminder -> mine.add(reminder.id));
		List<Reminder> taken = batch.stream().filter(reminder -> mine.contains(reminder.id)).toList();
		for (Reminder reminder : taken) {
			Reminder.Pending was = reminder.pending;
			reminder.pending = new Reminder.Pending(was.occurrence(), was.meetingAt(), was.lead(), was.plannedAt(),
					was.outcome(), token, now);
		}
		return taken;
	}

	private int finish(List<Reminder> taken, Instant now) {
		if (taken.isEmpty()) {
			return 0;
		}
		Map<ParticipantId, ParticipantProfile> people = participants
			.find(taken.stream().map(reminder -> new ParticipantId(reminder.participantId)).toList());
		Set<String> handedOver = messenger
			.referenced(taken.stream().map(reminder -> reference(reminder, reminder.pending.send(reminder.zoneId()))).toList());
		List<Decision> sending = new ArrayList<>();
		BulkOperations records = mongo.bulkOps(BulkMode.UNORDERED, Reminder.class);
		int recorded = 0;
		for (Reminder reminder : taken) {
			Send send = reminder.pending.send(reminder.zoneId());
			ParticipantProfile participant = people.get(new ParticipantId(reminder.participantId));
			Outcome outcome;
			if (handedOver.contains(reference(reminder, send))) {
				outcome = reminder.pending.outcome(); // it went to the outbox before the stop
			}
			else if (!now.isBefore(reminder.pending.meetingAt())) {
				outcome = Outcome.SKIPPED_TOO_LATE;
			}
			else if (reminder.nextPlannedAt != null && !reminder.nextPlannedAt.isAfter(now)) {
				outcome = Outcome.SKIPPED_SUPERSEDED;
			}
			else if (participant == null || !participant.active()) {
				outcome = Outcome.NOT_SENT_INACTIVE;
			}
			else {
				sending.add(new Decision(reminder, send, participant, Outcome.SENT_LATE, null, null));
				continue;
			}
			log.info("Pending reminder {} for participant {} ({} of the meeting at {}): {}", reminder.id,
					reminder.participantId, describeLead(reminder, send), send.occurrence().start().toInstant(), outcome);
			records.updateOne(mine(reminder), new Update().push("deliveries")
				.slice(-KEPT_RECORDS)
				.each(delivery(reminder, send, now, outcome))
				.unset("pending"));
			recorded++;
		}
		if (recorded > 0) {
			records.execute();
		}
		int finished = recorded + send(sending, now);
		meters.recovered("reminder", finished);
		return finished;
	}

	private static String describeLead(Reminder reminder, Send send) {
		List<Lead> leads = reminder.leadList();
		return send.lead() < leads.size() ? leads.get(send.lead()).describe() : "lead " + send.lead();
	}

	private static Reminder.Delivery delivery(Reminder reminder, Send send, Instant now, Outcome outcome) {
		return new Reminder.Delivery(send.occurrence().key(), send.occurrence().start().toInstant(),
				describeLead(reminder, send), send.plannedAt(), now, outcome);
	}

	/**
	 * Repairs drift between the reminders (the truth) and Quartz: every minute in which a reminder
	 * is due gets its trigger; a reminder trigger no reminder needs is removed.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void reconcileAtStart() {
		reconcile();
	}

	Repairs reconcile() {
		Query planned = Query.query(Criteria.where("nextSendAt").ne(null));
		planned.fields().include("nextSendAt");
		Set<String> needed = new TreeSet<>();
		int reminders = 0;
		int created = 0;
		for (Reminder reminder : mongo.find(planned, Reminder.class)) {
			reminders++;
			if (needed.add(Triggers.reminderMinute(reminder.nextSendAt).toString())
					&& triggers.ensureReminderMinute(reminder.nextSendAt)) {
				created++;
			}
		}
		int removed = 0;
		for (TriggerKey key : triggers.reminderTriggers()) {
			if (!needed.contains(key.getName())) {
				triggers.remove(key);
				removed++;
			}
		}
		Repairs repairs = new Repairs(reminders, created, removed);
		log.info("Reminders reconciled: {} reminders planned, {} missing triggers created, {} unneeded triggers removed",
				repairs.reminders(), repairs.triggersCreated(), repairs.triggersRemoved());
		return repairs;
	}

	/**
	 * Repairs the triggers after one reminder changed: its next send gets a trigger, and the
	 * trigger of its previous send goes when no other reminder needs it.
	 */
	Repairs reconcile(Instant before, Instant after) {
		int created = after != null && triggers.ensureReminderMinute(after) ? 1 : 0;
		int removed = 0;
		if (before != null && (after == null || !Triggers.reminderMinute(before).equals(Triggers.reminderMinute(after)))) {
			Instant minute = Triggers.reminderMinute(before);
			boolean needed = mongo.exists(Query.query(Criteria.where("nextSendAt").gt(minute.minusSeconds(60)).lte(minute)),
					Reminder.class);
			if (!needed) {
				TriggerKey key = TriggerKey.triggerKey(minute.toString(), Triggers.REMINDER_GROUP);
				if (triggers.reminderTriggers().contains(key)) {
					triggers.remove(key);
					removed = 1;
				}
			}
		}
		if (created + removed > 0) {
			log.info("Reminder triggers repaired after a change: {} created, {} removed", created, removed);
		}
		return new Repairs(1, created, removed);
	}

	/** A node that is shutting down stops claiming; what it claimed it still sends. */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		stopping = true;
	}
}
