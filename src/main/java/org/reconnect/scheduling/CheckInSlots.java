package org.reconnect.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
import org.springframework.data.mongodb.core.FindAndModifyOptions;
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
	 * Fires a slot: claims each due schedule by moving it to its next occurrence (one atomic
	 * update, so each check-in goes once across nodes), starts the check-in when it is still in
	 * time, and moves the slot's trigger on.
	 *
	 * @return how many check-ins were started
	 */
	public int fire(String slot) {
		Instant now = clock.instant();
		ZoneId zone = CheckInSchedule.zoneOf(slot);
		LocalTime time = CheckInSchedule.timeOf(slot);
		Instant next = CheckInOccurrences.next(zone, time, now);
		Query due = Query.query(Criteria.where("slot").is(slot).and("nextDueAt").lte(now));
		int started = handOffs.onEveryThread(() -> {
			int mine = 0;
			CheckInSchedule claimed;
			while ((claimed = mongo.findAndModify(due, new Update().set("nextDueAt", next),
					FindAndModifyOptions.options().returnNew(false), CheckInSchedule.class)) != null) {
				mine += handOver(claimed, now) ? 1 : 0;
			}
			return mine;
		});
		triggers.rescheduleSlot(slot, next);
		return started;
	}

	/** Starts a claimed check-in when it is still in time; true when it went. */
	private boolean handOver(CheckInSchedule claimed, Instant now) {
		Instant dueAt = claimed.nextDueAt;
		CheckInSchedule.Outcome outcome;
		if (Duration.between(dueAt, now).compareTo(settings.checkInLateLimit()) > 0) {
			outcome = CheckInSchedule.Outcome.SKIPPED_TOO_LATE;
			log.info("Skipped the check-in of participant {} due at {}: more than {} late", claimed.participantId, dueAt,
					settings.checkInLateLimit());
		}
		else {
			meters.handingOff("check-in", dueAt);
			boolean sent = conversations.startCheckIn(new ParticipantId(claimed.participantId)).isPresent();
			outcome = sent ? CheckInSchedule.Outcome.SENT : CheckInSchedule.Outcome.NOT_SENT;
		}
		mongo.updateFirst(Query.query(Criteria.where("_id").is(claimed.participantId)),
				new Update().set("lastDueAt", dueAt).set("lastOutcome", outcome), CheckInSchedule.class);
		meters.checkInFired(outcome);
		return outcome == CheckInSchedule.Outcome.SENT;
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
