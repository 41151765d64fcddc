package org.reconnect.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

	private static final int BATCH = 200;

	private static final int KEPT_RECORDS = 20;

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
	private final Clock clock;
	private volatile boolean stopping;

	ReminderEngine(MongoTemplate mongo, Triggers triggers, ParticipantService participants, Messenger messenger,
			ConversationRuntime conversations, HandOffs handOffs, SchedulingMeters meters, Clock clock) {
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
		int decided = 0;
		while (!stopping) {
			Query due = Query.query(Criteria.where("nextSendAt").lte(now).and("_id").nin(failed)).limit(BATCH);
			List<Reminder> batch = new ArrayList<>(mongo.find(due, Reminder.class));
			if (batch.isEmpty()) {
				break;
			}
			// Nodes firing together start at different places, so they seldom race for one document.
			Collections.shuffle(batch);
			decided += handOffs.each(batch, reminder -> {
				if (stopping) {
					return 0;
				}
				try {
					return handle(reminder, now, ensured) ? 1 : 0;
				}
				catch (RuntimeException ex) {
					failed.add(reminder.id);
					log.error("Reminder {} could not be handled; it stays due for the next fire", reminder.id, ex);
					return 0;
				}
			});
		}
		return decided;
	}

	boolean handle(Reminder reminder, Instant now, Set<Instant> ensured) {
		// A cursor may hand back a document as it is after the query matched it: another thread
		// may have claimed it since. Only a reminder still due now is handled.
		if (reminder.nextSendAt == null || reminder.nextSendAt.isAfter(now) || reminder.nextMeetingAt == null) {
			return false;
		}
		Send current = ReminderPlan.current(reminder);
		Send next = ReminderPlan.nextSend(reminder, current);
		Optional<ParticipantProfile> participant = participants.find(new ParticipantId(reminder.participantId));
		Outcome outcome;
		Instant deferTo = null;
		if (!now.isBefore(current.occurrence().start().toInstant())) {
			outcome = Outcome.SKIPPED_TOO_LATE;
		}
		else if (next != null && !next.plannedAt().isAfter(now)) {
			outcome = Outcome.SKIPPED_SUPERSEDED;
		}
		else if (participant.isEmpty() || !participant.get().active()) {
			outcome = Outcome.NOT_SENT_INACTIVE;
		}
		else if (participant.get().quietHours().contains(now, participant.get().zone())) {
			Instant end = participant.get().quietHours().endAfter(now, participant.get().zone());
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
		boolean sending = outcome == Outcome.SENT || outcome == Outcome.SENT_LATE
				|| outcome == Outcome.SENT_AFTER_QUIET_HOURS;
		if (!sending) {
			claim.push("deliveries").slice(-KEPT_RECORDS).each(delivery(reminder, current, now, outcome));
		}
		Query mine = Query.query(Criteria.where("_id").is(reminder.id).and("version").is(reminder.version));
		if (mongo.updateFirst(mine, claim, Reminder.class).getModifiedCount() == 0) {
			return false; // another node claimed it, or a coach changed it a moment ago
		}
		if (nextSendAt != null && ensured.add(Triggers.reminderMinute(nextSendAt))) {
			triggers.ensureReminderMinute(nextSendAt);
		}
		if (sending) {
			meters.handingOff("reminder", reminder.nextSendAt); // after quiet hours: their end
			outcome = send(reminder, current, participant.get(), now, outcome);
			mongo.updateFirst(Query.query(Criteria.where("_id").is(reminder.id)),
					new Update().push("deliveries").slice(-KEPT_RECORDS).each(delivery(reminder, current, now, outcome))
						.set("lastSentAt", now).set("lastSentOccurrence", current.occurrence().key())
						.set("lastSentMeetingAt", current.occurrence().start().toInstant()),
					Reminder.class);
		}
		else {
			log.info("Reminder {} for participant {} ({} of the meeting at {}): {}", reminder.id,
					reminder.participantId, reminder.leadList().get(current.lead()).describe(),
					current.occurrence().start().toInstant(), outcome);
		}
		return true;
	}

	private Outcome send(Reminder reminder, Send current, ParticipantProfile participant, Instant now, Outcome outcome) {
		boolean replyFlow = conversations.flowNames().contains(REPLY_FLOW);
		String text = ReminderTexts.reminder(participant.language(), participant.firstName(), reminder.title,
				reminder.place, reminder.note, current.occurrence().start(),
				now.atZone(current.occurrence().start().getZone()).toLocalDate(), !replyFlow);
		String reference = "reminder:" + reminder.id + ":" + current.occurrence().key() + ":" + current.lead();
		// Useless once the meeting has started: the outbox drops it then if it is still waiting.
		SendResult result = messenger.send(new OutboundMessage(participant.phone(), text, Purpose.REMINDER, reference,
				current.occurrence().start().toInstant()));
		if (!result.sent()) {
			log.info("Reminder {} to {} was not delivered: {}", reminder.id, Masking.phone(participant.phone()),
					result.outcome());
			return Outcome.NOT_SENT_REFUSED;
		}
		if (replyFlow) {
			try {
				// Asks "will you make it?"; waits its turn when another conversation is open.
				conversations.start(participant.id(), REPLY_FLOW);
			}
			catch (RuntimeException ex) {
				log.warn("Reminder {} went out, but its reply flow could not start; keyword replies still work",
						reminder.id, ex);
			}
		}
		return outcome;
	}

	private static Reminder.Delivery delivery(Reminder reminder, Send send, Instant now, Outcome outcome) {
		return new Reminder.Delivery(send.occurrence().key(), send.occurrence().start().toInstant(),
				reminder.leadList().get(send.lead()).describe(), send.plannedAt(), now, outcome);
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
