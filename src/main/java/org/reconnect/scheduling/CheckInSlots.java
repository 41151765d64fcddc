package org.reconnect.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bson.types.ObjectId;
import org.quartz.TriggerKey;
import org.reconnect.flows.CheckInStart;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.participants.ParticipantEnrolled;
import org.reconnect.participants.ParticipantErased;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantProfileChanged;
import org.reconnect.participants.ParticipantService;
import org.reconnect.system.handoff.DueClaims;
import org.reconnect.system.handoff.Mark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Daily check-ins, grouped into slots (a local time in a zone): one Quartz trigger per slot, not
 * per participant, whose job claims every participant of the slot who is due.
 */
@Service
public class CheckInSlots {

	private static final Logger log = LoggerFactory.getLogger(CheckInSlots.class);

	/** Check-ins as {@link DueClaims} hands them off. */
	private static final DueClaims.Kind<CheckInSchedule> KIND = new DueClaims.Kind<>("check-in", CheckInSchedule.class,
			schedule -> schedule.participantId,
			new Mark.Pending<>(schedule -> schedule.pending.token(),
					(schedule, token, at) -> schedule.pending = new CheckInSchedule.Pending(schedule.pending.dueAt(),
							schedule.pending.conversationId(), token, at)),
			"_id", "nextDueAt", "pending");

	/**
	 * Runs after each batch's claim, before its hand-over: a test throws from it to stop there, as
	 * a node killed at that moment would.
	 */
	volatile Runnable afterClaim = () -> {
	};

	private final CheckInSchedules schedules;
	private final MongoTemplate mongo;
	private final Triggers triggers;
	private final ParticipantService participants;
	private final ConversationRuntime conversations;
	private final SchedulingSettings settings;
	private final DueClaims claims;
	private final SchedulingMeters meters;
	private final FireLag lag;
	private final Clock clock;

	CheckInSlots(CheckInSchedules schedules, MongoTemplate mongo, Triggers triggers, ParticipantService participants,
			ConversationRuntime conversations, SchedulingSettings settings, DueClaims claims, SchedulingMeters meters,
			FireLag lag, Clock clock) {
		this.lag = lag;
		this.meters = meters;
		this.claims = claims;
		this.schedules = schedules;
		this.mongo = mongo;
		this.triggers = triggers;
		this.participants = participants;
		this.conversations = conversations;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener
	void on(ParticipantEnrolled enrolled) {
		ParticipantProfile participant = participants.find(enrolled.participant()).orElseThrow();
		schedule(participant.id(), participant.zone(), participant.checkInTime());
	}

	/** A coach moved the check-in (its time or the zone it is read in): the next one moves at once. */
	@EventListener
	void on(ParticipantProfileChanged changed) {
		if (changed.checkInMoved()) {
			participants.find(changed.participant())
				.ifPresent(participant -> schedule(participant.id(), participant.zone(), participant.checkInTime()));
		}
	}

	/** An erased participant has no schedule; the slot's trigger goes at the next reconciliation. */
	@EventListener
	void on(ParticipantErased erased) {
		schedules.deleteById(erased.participant().value());
	}

	/** Sets (or changes) a participant's daily check-in time. */
	public void schedule(ParticipantId participant, ZoneId zone, LocalTime time) {
		Instant next = CheckInOccurrences.next(zone, time, clock.instant());
		CheckInSchedule schedule = CheckInSchedule.of(participant.value(), zone, time, next);
		// Not a save of the whole document: a check-in pending hand-over stays with it, to be finished.
		mongo.upsert(Query.query(Criteria.where("_id").is(schedule.participantId)),
				new Update().set("zone", schedule.zone).set("time", schedule.time).set("slot", schedule.slot)
					.set("nextDueAt", next),
				CheckInSchedule.class);
		triggers.ensureSlot(schedule.slot, next);
		log.info("Participant {} checks in daily at {}; next at {}", participant, schedule.slot, next);
	}

	/** When the participant's next check-in is due, if they have one. */
	public Optional<Instant> nextCheckIn(ParticipantId participant) {
		return schedules.findById(participant.value()).map(s -> s.nextDueAt);
	}

	/** When Quartz will next fire the participant's slot. */
	public Optional<Instant> nextSlotFire(ParticipantId participant) {
		return schedules.findById(participant.value()).flatMap(s -> triggers.slotFireTime(s.slot));
	}

	/**
	 * Fires a slot: claims its due schedules in batches (see {@link DueClaims}), each moved to its
	 * next occurrence while it is still due as read (so each check-in goes once across threads and
	 * nodes) with the check-in recorded as pending, starts the check-ins still in time, and moves
	 * the slot's trigger on. Each outcome is recorded with the pending mark cleared; a check-in
	 * whose start failed is put back, due, for the next fire. What a node stopped half way leaves
	 * pending, {@link #recover()} finishes.
	 *
	 * @return how many check-ins were started
	 */
	public int fire(String slot) {
		Instant now = clock.instant();
		Instant next = CheckInOccurrences.next(CheckInSchedule.zoneOf(slot), CheckInSchedule.timeOf(slot), now);
		int started = claims.claimDue(KIND, Criteria.where("slot").is(slot).and("nextDueAt").lte(now), () -> true,
				(batch, token, failed) -> batch.stream().map(schedule -> claim(schedule, slot, next, token, now)).toList(),
				(claimed, failed) -> {
					afterClaim.run();
					return handOver(claimed, now, next, failed);
				});
		triggers.rescheduleSlot(slot, next);
		return started;
	}

	/**
	 * Moves the schedule on to {@code next} while it is still due as read, with its pending
	 * check-in (the id its conversation will get included).
	 */
	private static DueClaims.Claim<CheckInSchedule> claim(CheckInSchedule schedule, String slot, Instant next,
			String token, Instant now) {
		schedule.pending = new CheckInSchedule.Pending(schedule.nextDueAt, new ObjectId().toHexString(), token, now);
		return new DueClaims.Claim<>(schedule.participantId,
				Criteria.where("slot").is(slot).and("nextDueAt").is(schedule.nextDueAt),
				new Update().set("nextDueAt", next), schedule.pending, schedule);
	}

	/**
	 * Starts the claimed check-ins still in time, as one batch, and records each outcome.
	 *
	 * @return how many went
	 */
	private int handOver(List<CheckInSchedule> claimed, Instant now, Instant next, Set<String> failed) {
		Map<String, CheckInSchedule.Outcome> outcomes = new LinkedHashMap<>();
		List<CheckInSchedule> inTime = new ArrayList<>();
		for (CheckInSchedule schedule : claimed) {
			if (tooLate(schedule.nextDueAt, now)) {
				outcomes.put(schedule.participantId, CheckInSchedule.Outcome.SKIPPED_TOO_LATE);
				log.info("Skipped the check-in of participant {} due at {}: more than {} late", schedule.participantId,
						schedule.nextDueAt, settings.checkInLateLimit());
			}
			else {
				inTime.add(schedule);
			}
		}
		Map<ParticipantId, Optional<String>> started = Map.of();
		if (!inTime.isEmpty()) {
			inTime.forEach(schedule -> lag.handingOff("check-in", schedule.nextDueAt));
			try {
				started = conversations.startCheckIns(inTime.stream().map(CheckInSlots::start).toList());
			}
			catch (RuntimeException ex) {
				log.error("{} check-ins could not be started; they stay due for the next fire", inTime.size(), ex);
			}
		}
		for (CheckInSchedule schedule : inTime) {
			Optional<String> conversation = started.get(new ParticipantId(schedule.participantId));
			if (conversation == null) {
				// Due again, unless its schedule changed meanwhile.
				claims.release(KIND, schedule, Criteria.where("nextDueAt").is(next),
						new Update().set("nextDueAt", schedule.nextDueAt));
				failed.add(schedule.participantId);
			}
			else {
				outcomes.put(schedule.participantId,
						conversation.isPresent() ? CheckInSchedule.Outcome.SENT : CheckInSchedule.Outcome.NOT_SENT);
			}
		}
		record(claimed, outcomes);
		return (int) outcomes.values().stream().filter(outcome -> outcome == CheckInSchedule.Outcome.SENT).count();
	}

	private boolean tooLate(Instant dueAt, Instant now) {
		return Duration.between(dueAt, now).compareTo(settings.checkInLateLimit()) > 0;
	}

	private static CheckInStart start(CheckInSchedule schedule) {
		return new CheckInStart(new ParticipantId(schedule.participantId), schedule.pending.conversationId());
	}

	/**
	 * Records the outcomes of claimed check-ins in one command, each clearing its pending mark,
	 * only while the mark is still this hand-off's (a recovery may have taken it over).
	 */
	private void record(List<CheckInSchedule> claimed, Map<String, CheckInSchedule.Outcome> outcomes) {
		List<DueClaims.Settle<CheckInSchedule>> records = new ArrayList<>();
		for (CheckInSchedule schedule : claimed) {
			CheckInSchedule.Outcome outcome = outcomes.get(schedule.participantId);
			if (outcome != null) {
				records.add(new DueClaims.Settle<>(schedule,
						new Update().set("lastDueAt", schedule.pending.dueAt()).set("lastOutcome", outcome)));
			}
		}
		claims.settle(KIND, records);
		outcomes.values().forEach(meters::checkInFired);
	}

	/**
	 * Takes over the check-ins claimed longer than the lease ago and still pending (their node
	 * stopped half way; see {@link DueClaims#recover}) and finishes them by what was already
	 * written (see {@link ConversationRuntime#finishCheckIns}): none goes twice. One past the late
	 * limit is recorded as skipped, as a late fire would; one that cannot be finished is tried again
	 * after another lease.
	 *
	 * @return how many were finished
	 */
	int recover() {
		return claims.recover(KIND, () -> true, this::finish);
	}

	private int finish(List<CheckInSchedule> taken, Instant now) {
		Set<ParticipantId> late = new HashSet<>();
		taken.stream()
			.filter(schedule -> tooLate(schedule.pending.dueAt(), now))
			.forEach(schedule -> late.add(new ParticipantId(schedule.participantId)));
		Map<ParticipantId, Optional<String>> results;
		try {
			results = conversations.finishCheckIns(taken.stream().map(CheckInSlots::start).toList(), late);
		}
		catch (RuntimeException ex) {
			log.error("{} pending check-ins could not be finished; tried again after the lease", taken.size(), ex);
			return 0;
		}
		Map<String, CheckInSchedule.Outcome> outcomes = new LinkedHashMap<>();
		for (CheckInSchedule schedule : taken) {
			ParticipantId id = new ParticipantId(schedule.participantId);
			Optional<String> result = results.get(id);
			if (late.contains(id)) {
				outcomes.put(schedule.participantId, result != null && result.isPresent() ? CheckInSchedule.Outcome.SENT
						: CheckInSchedule.Outcome.SKIPPED_TOO_LATE);
			}
			else if (result == null) {
				log.warn("The pending check-in of participant {} could not be finished; tried again after the lease",
						schedule.participantId);
			}
			else {
				outcomes.put(schedule.participantId,
						result.isPresent() ? CheckInSchedule.Outcome.SENT : CheckInSchedule.Outcome.NOT_SENT);
			}
		}
		record(taken, outcomes);
		return outcomes.size();
	}

	/**
	 * Fires every slot with a check-in due by now, as the slots' triggers would have: Quartz fires
	 * on real time, so after the demo clock jumps ahead it has not.
	 *
	 * @return how many check-ins were started
	 */
	public int fireDue() {
		Query due = Query.query(Criteria.where("nextDueAt").lte(clock.instant()));
		Set<String> slots = new TreeSet<>();
		mongo.find(due, CheckInSchedule.class).forEach(schedule -> slots.add(schedule.slot));
		return slots.stream().mapToInt(this::fire).sum();
	}

	/**
	 * Repairs drift between the schedules (the truth) and Quartz: every slot in use gets a trigger
	 * at its earliest due time; a slot trigger nobody uses is removed.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void reconcile() {
		Map<String, Instant> earliest = new TreeMap<>();
		for (CheckInSchedule schedule : schedules.findAll()) {
			earliest.merge(schedule.slot, schedule.nextDueAt, (a, b) -> a.isBefore(b) ? a : b);
		}
		earliest.forEach(triggers::ensureSlot);
		Set<TriggerKey> unused = new HashSet<>(triggers.slotTriggers());
		unused.removeIf(key -> earliest.containsKey(key.getName()));
		unused.forEach(triggers::remove);
		triggers.ensureSweep(settings.sweepInterval());
		log.info("Scheduling reconciled: {} check-in slots, {} unused triggers removed", earliest.size(), unused.size());
	}
}
