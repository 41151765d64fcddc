package org.reconnect.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.quartz.TriggerKey;
import org.reconnect.flows.CheckInTimeChosen;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.participants.ParticipantEnrolled;
import org.reconnect.participants.ParticipantErased;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
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

	/** Set by a claim to its batch's token: afterwards, which schedules the batch won. */
	private static final String CLAIM_TOKEN = "claimedBy";

	private final CheckInSchedules schedules;
	private final MongoTemplate mongo;
	private final Triggers triggers;
	private final ParticipantService participants;
	private final ConversationRuntime conversations;
	private final SchedulingSettings settings;
	private final HandOffs handOffs;
	private final SchedulingMeters meters;
	private final Clock clock;

	CheckInSlots(CheckInSchedules schedules, MongoTemplate mongo, Triggers triggers, ParticipantService participants,
			ConversationRuntime conversations, SchedulingSettings settings, HandOffs handOffs, SchedulingMeters meters,
			Clock clock) {
		this.meters = meters;
		this.handOffs = handOffs;
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

	@EventListener
	void on(CheckInTimeChosen chosen) {
		ParticipantProfile participant = participants.changeCheckInTime(chosen.participant(), chosen.time());
		schedule(participant.id(), participant.zone(), participant.checkInTime());
	}

	/** An erased participant has no schedule; the slot's trigger goes at the next reconciliation. */
	@EventListener
	void on(ParticipantErased erased) {
		schedules.deleteById(erased.participant().value());
	}

	/** Sets (or changes) a participant's daily check-in time. */
	public void schedule(ParticipantId participant, ZoneId zone, LocalTime time) {
		Instant next = CheckInOccurrences.next(zone, time, clock.instant());
		CheckInSchedule schedule = schedules.save(CheckInSchedule.of(participant.value(), zone, time, next));
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
	 * Fires a slot: claims its due schedules in batches, each moved to its next occurrence by one
	 * bulk write whose every update is conditional on the schedule still being due as read (so each
	 * check-in goes once across threads and nodes), starts the check-ins still in time, and moves
	 * the slot's trigger on. A check-in whose start failed is put back, due, for the next fire.
	 *
	 * @return how many check-ins were started
	 */
	public int fire(String slot) {
		Instant now = clock.instant();
		ZoneId zone = CheckInSchedule.zoneOf(slot);
		LocalTime time = CheckInSchedule.timeOf(slot);
		Instant next = CheckInOccurrences.next(zone, time, now);
		int batchSize = Math.max(1, settings.handOffBatch());
		Set<String> failed = ConcurrentHashMap.newKeySet();
		int started = 0;
		while (true) {
			Query due = Query.query(Criteria.where("slot").is(slot).and("nextDueAt").lte(now).and("_id").nin(failed))
				.limit(batchSize * Math.max(1, settings.handOffThreads()));
			due.fields().include("_id").include("nextDueAt");
			List<CheckInSchedule> found = new ArrayList<>(mongo.find(due, CheckInSchedule.class));
			if (found.isEmpty()) {
				break;
			}
			// Nodes firing together start at different places, so they seldom race for one schedule.
			Collections.shuffle(found);
			List<List<CheckInSchedule>> batches = new ArrayList<>();
			for (int from = 0; from < found.size(); from += batchSize) {
				batches.add(found.subList(from, Math.min(found.size(), from + batchSize)));
			}
			started += handOffs.each(batches, batch -> handOver(claim(slot, batch, next), now, next, failed));
		}
		triggers.rescheduleSlot(slot, next);
		return started;
	}

	/**
	 * Moves the batch's schedules on to {@code next} in one bulk write, each only while it is still
	 * due as read, marking each with this batch's token, which tells afterwards which were won.
	 *
	 * @return the schedules this batch won, with the due time they were claimed at
	 */
	private List<CheckInSchedule> claim(String slot, List<CheckInSchedule> batch, Instant next) {
		String token = UUID.randomUUID().toString();
		BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, CheckInSchedule.class);
		for (CheckInSchedule schedule : batch) {
			bulk.updateOne(Query.query(Criteria.where("_id").is(schedule.participantId).and("slot").is(slot)
				.and("nextDueAt").is(schedule.nextDueAt)), new Update().set("nextDueAt", next).set(CLAIM_TOKEN, token));
		}
		try {
			bulk.execute();
		}
		catch (BulkOperationException ex) {
			// The updates that failed left their check-ins due; the others are claimed.
			log.error("{} of {} check-in claims failed; those stay due", ex.getErrors().size(), batch.size(), ex);
		}
		Query won = Query.query(Criteria.where("_id").in(batch.stream().map(s -> s.participantId).toList())
			.and(CLAIM_TOKEN).is(token));
		won.fields().include("_id");
		Set<String> mine = new HashSet<>();
		mongo.find(won, CheckInSchedule.class).forEach(schedule -> mine.add(schedule.participantId));
		return batch.stream().filter(schedule -> mine.contains(schedule.participantId)).toList();
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
			if (Duration.between(schedule.nextDueAt, now).compareTo(settings.checkInLateLimit()) > 0) {
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
			inTime.forEach(schedule -> meters.handingOff("check-in", schedule.nextDueAt));
			try {
				started = conversations
					.startCheckIns(inTime.stream().map(schedule -> new ParticipantId(schedule.participantId)).toList());
			}
			catch (RuntimeException ex) {
				log.error("{} check-ins could not be started; they stay due for the next fire", inTime.size(), ex);
			}
		}
		for (CheckInSchedule schedule : inTime) {
			Optional<String> conversation = started.get(new ParticipantId(schedule.participantId));
			if (conversation == null) {
				putBack(schedule, next);
				failed.add(schedule.participantId);
			}
			else {
				outcomes.put(schedule.participantId,
						conversation.isPresent() ? CheckInSchedule.Outcome.SENT : CheckInSchedule.Outcome.NOT_SENT);
			}
		}
		if (!outcomes.isEmpty()) {
			BulkOperations records = mongo.bulkOps(BulkMode.UNORDERED, CheckInSchedule.class);
			Map<String, Instant> dueAt = new HashMap<>();
			claimed.forEach(schedule -> dueAt.put(schedule.participantId, schedule.nextDueAt));
			outcomes.forEach((participant, outcome) -> records.updateOne(Query.query(Criteria.where("_id").is(participant)),
					new Update().set("lastDueAt", dueAt.get(participant)).set("lastOutcome", outcome)));
			records.execute();
			outcomes.values().forEach(meters::checkInFired);
		}
		return (int) outcomes.values().stream().filter(outcome -> outcome == CheckInSchedule.Outcome.SENT).count();
	}

	/** A claimed check-in that could not be started is due again, unless its schedule changed meanwhile. */
	private void putBack(CheckInSchedule schedule, Instant next) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(schedule.participantId).and("nextDueAt").is(next)),
				new Update().set("nextDueAt", schedule.nextDueAt), CheckInSchedule.class);
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
