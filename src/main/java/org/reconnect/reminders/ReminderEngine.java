package org.reconnect.reminders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeSet;

import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.reminders.ReminderPlan.Send;
import org.reconnect.scheduling.FireLag;
import org.reconnect.scheduling.MinuteTriggers;
import org.reconnect.scheduling.TimedWork;
import org.reconnect.system.handoff.DueClaims;
import org.reconnect.system.handoff.Mark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Sends the reminders that are due. A Quartz trigger per minute in which reminders fall due runs
 * {@link #fireDue()}, which claims each due reminder through {@link DueClaims} by moving it to its
 * next send in one conditional update of its document (compare-and-set on its version), then
 * sends: whichever node wins the update sends, so a reminder goes once however many nodes fire.
 * What becomes of a due send is planned by {@link ReminderDecision}, sent by
 * {@link ReminderSender}, and finished after a node stopped by {@link ReminderRecovery}.
 */
@Component
class ReminderEngine implements TimedWork {

	private static final Logger log = LoggerFactory.getLogger(ReminderEngine.class);

	/** Reminders as {@link DueClaims} hands them off. */
	static final DueClaims.Kind<Reminder> KIND = new DueClaims.Kind<>("reminder", Reminder.class,
			reminder -> reminder.id, new Mark.Pending<>(reminder -> reminder.pending.token(), (reminder, token, at) -> {
				Reminder.Pending was = reminder.pending;
				reminder.pending = new Reminder.Pending(was.occurrence(), was.meetingAt(), was.lead(), was.plannedAt(),
						was.outcome(), token, at);
			}));

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
	private final MinuteTriggers minutes;
	private final ParticipantService participants;
	private final DueClaims claims;
	private final ReminderSender sender;
	private final ReminderRecovery recovery;
	private final FireLag lag;
	private final Clock clock;
	private volatile boolean stopping;

	ReminderEngine(MongoTemplate mongo, MinuteTriggers minutes, ParticipantService participants, DueClaims claims,
			ReminderSender sender, ReminderRecovery recovery, FireLag lag, Clock clock) {
		this.mongo = mongo;
		this.minutes = minutes;
		this.participants = participants;
		this.claims = claims;
		this.sender = sender;
		this.recovery = recovery;
		this.lag = lag;
		this.clock = clock;
	}

	/**
	 * Claims and handles every reminder due now, in batches, until none is left or the node stops.
	 *
	 * @return how many due sends this call decided (sent, deferred or skipped)
	 */
	@Override
	public int fireDue() {
		Instant now = clock.instant();
		Set<Instant> ensured = ConcurrentHashMap.newKeySet();
		// A reminder with a send still pending waits for it to be finished (see recover()).
		return claims.claimDue(KIND, Criteria.where("nextSendAt").lte(now).and("pending").exists(false), () -> !stopping,
				(batch, token, failed) -> claims(batch, token, now, failed),
				(claimed, failed) -> handOver(claimed, now, ensured));
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
		return claims.claimBatch(KIND, batch, failed, (read, token, failing) -> claims(read, token, now, failing),
				(claimed, failing) -> handOver(claimed, now, ensured));
	}

	/**
	 * The claims of a batch: each applies only while the reminder's version is the one decided on
	 * (another node, or a coach's change, may have moved it); a send that is to go is recorded as
	 * pending by its claim, until its message is in the outbox.
	 */
	private List<DueClaims.Claim<ReminderDecision>> claims(List<Reminder> batch, String token, Instant now,
			Set<String> failed) {
		Map<ParticipantId, ParticipantProfile> people = participants
			.find(batch.stream().map(reminder -> new ParticipantId(reminder.participantId)).toList());
		return DueClaims.decideEach(KIND, batch, failed,
				reminder -> ReminderDecision.decide(reminder, now, people.get(new ParticipantId(reminder.participantId))),
				(reminder, decision) -> {
					if (decision.sending()) {
						reminder.pending = decision.pending(token, now);
					}
					return new DueClaims.Claim<>(reminder.id, Criteria.where("version").is(reminder.version),
							decision.claim(), reminder.pending, decision);
				});
	}

	/** Plans the triggers of the claimed reminders' next sends and sends those that are to go. */
	private int handOver(List<ReminderDecision> claimed, Instant now, Set<Instant> ensured) {
		afterClaim.run();
		List<ReminderDecision> sending = new ArrayList<>();
		for (ReminderDecision decision : claimed) {
			if (decision.nextSendAt() != null && ensured.add(MinuteTriggers.minuteOf(decision.nextSendAt()))) {
				minutes.ensure(decision.nextSendAt());
			}
			if (decision.sending()) {
				lag.handingOff("reminder", decision.reminder().nextSendAt); // after quiet hours: their end
				sending.add(decision);
			}
			else {
				Reminder reminder = decision.reminder();
				log.info("Reminder {} for participant {} ({} of the meeting at {}): {}", reminder.id,
						reminder.participantId, ReminderDecision.describeLead(reminder, decision.current()),
						decision.current().occurrence().start().toInstant(), decision.outcome());
			}
		}
		sender.send(sending, now);
		return claimed.size();
	}

	/** The outbox reference of one send: one occurrence's one lead of one reminder, so at most one message. */
	static String reference(Reminder reminder, Send send) {
		return "reminder:" + reminder.id + ":" + send.occurrence().key() + ":" + send.lead();
	}

	/**
	 * Takes over the sends claimed longer than the lease ago and still pending (their node stopped
	 * half way; see {@link DueClaims#recover}) and finishes them (see {@link ReminderRecovery}).
	 *
	 * @return how many pending sends were finished
	 */
	@Override
	public int recover() {
		return claims.recover(KIND, () -> !stopping, recovery::finish);
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
		Set<Instant> needed = new TreeSet<>();
		int reminders = 0;
		int created = 0;
		for (Reminder reminder : mongo.find(planned, Reminder.class)) {
			reminders++;
			if (needed.add(MinuteTriggers.minuteOf(reminder.nextSendAt)) && minutes.ensure(reminder.nextSendAt)) {
				created++;
			}
		}
		int removed = 0;
		for (Instant minute : minutes.planned()) {
			if (!needed.contains(minute) && minutes.remove(minute)) {
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
		int created = after != null && minutes.ensure(after) ? 1 : 0;
		int removed = 0;
		if (before != null && (after == null || !MinuteTriggers.minuteOf(before).equals(MinuteTriggers.minuteOf(after)))) {
			Instant minute = MinuteTriggers.minuteOf(before);
			boolean needed = mongo.exists(Query.query(Criteria.where("nextSendAt").gt(minute.minusSeconds(60)).lte(minute)),
					Reminder.class);
			if (!needed && minutes.remove(minute)) {
				removed = 1;
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
