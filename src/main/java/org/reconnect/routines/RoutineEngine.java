package org.reconnect.routines;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.reconnect.flows.ConversationRuntime;
import org.reconnect.flows.FlowCatalog;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.reminders.Recurrences;
import org.reconnect.routines.Routine.Outcome;
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
 * Starts the routines that are due, as the reminders send theirs: a Quartz trigger per minute in
 * which routines fall due (a group of their own) runs {@link #fireDue()}, which claims each due
 * routine through {@link DueClaims} by moving it to its next start in one conditional update of
 * its document; whichever node wins starts the flow, through the flows module, whose
 * {@code when_busy} policy and the outbox's daily cap apply. What becomes of a due start is
 * decided by {@link RoutineDecision}; a start a stopped node left pending is finished by
 * {@link #recover()}.
 */
@Component
class RoutineEngine implements TimedWork {

	private static final Logger log = LoggerFactory.getLogger(RoutineEngine.class);

	/** The Quartz group of the routines' minute triggers; kept in the store. */
	static final String MINUTES = "routine-minutes";

	static final DueClaims.Kind<Routine> KIND = new DueClaims.Kind<>("routine", Routine.class, routine -> routine.id,
			new Mark.Pending<>(routine -> routine.pending.token(), (routine, token, at) -> {
				Routine.Pending was = routine.pending;
				routine.pending = new Routine.Pending(was.occurrence(), was.plannedAt(), was.outcome(), token, at);
			}));

	private final MongoTemplate mongo;
	private final MinuteTriggers minutes;
	private final ParticipantService participants;
	private final ConversationRuntime conversations;
	private final FlowCatalog catalog;
	private final Recurrences recurrences;
	private final DueClaims claims;
	private final RoutineSettings settings;
	private final FireLag lag;
	private final Clock clock;
	private volatile boolean stopping;

	RoutineEngine(MongoTemplate mongo, MinuteTriggers minutes, ParticipantService participants,
			ConversationRuntime conversations, FlowCatalog catalog, Recurrences recurrences, DueClaims claims,
			RoutineSettings settings, FireLag lag, Clock clock) {
		this.mongo = mongo;
		this.minutes = minutes.inGroup(MINUTES);
		this.participants = participants;
		this.conversations = conversations;
		this.catalog = catalog;
		this.recurrences = recurrences;
		this.claims = claims;
		this.settings = settings;
		this.lag = lag;
		this.clock = clock;
	}

	/**
	 * Claims and starts every routine due now, in batches, until none is left or the node stops.
	 *
	 * @return how many due starts this call decided (started, deferred or skipped)
	 */
	@Override
	public int fireDue() {
		Instant now = clock.instant();
		Set<Instant> ensured = ConcurrentHashMap.newKeySet();
		return claims.claimDue(KIND, Criteria.where("nextStartAt").lte(now).and("on").is(true).and("pending").exists(false),
				() -> !stopping, (batch, token, failed) -> claims(batch, token, now, failed),
				(claimed, failed) -> handOver(claimed, now, ensured));
	}

	/** The next occurrence after {@code after}, in the participant's zone now; null when there is none. */
	ZonedDateTime next(Routine routine, ParticipantProfile participant, Instant after) {
		if (participant == null) {
			return null;
		}
		List<ZonedDateTime> found = recurrences.after(participant.zone(), routine.startLocal(), routine.rule, after, 1);
		return found.isEmpty() ? null : found.get(0);
	}

	/**
	 * The start that follows the due one: its next occurrence, or, when that too has passed (the
	 * service was down), the first one still within the late limit, so a long downtime is passed
	 * over in one claim rather than one occurrence at a time.
	 */
	private ZonedDateTime following(Routine routine, ParticipantProfile participant, Instant now) {
		ZonedDateTime next = next(routine, participant, routine.nextPlannedAt);
		if (next != null && !next.toInstant().isAfter(now)) {
			ZonedDateTime latest = next(routine, participant, now.minus(settings.lateLimit()));
			if (latest != null && latest.isAfter(next)) {
				return latest;
			}
		}
		return next;
	}

	private List<DueClaims.Claim<RoutineDecision>> claims(List<Routine> batch, String token, Instant now,
			Set<String> failed) {
		Map<ParticipantId, ParticipantProfile> people = participants
			.find(batch.stream().map(routine -> new ParticipantId(routine.participantId)).toList());
		Set<String> flows = conversations.flowNames();
		Set<String> recurring = catalog.routineFlows();
		return DueClaims.decideEach(KIND, batch, failed, routine -> {
			ParticipantProfile participant = people.get(new ParticipantId(routine.participantId));
			return RoutineDecision.decide(routine, now, participant,
					participant == null ? null : participants.quietHoursOf(participant), following(routine, participant, now),
					settings.lateLimit(), flows.contains(routine.flow), recurring.contains(routine.flow));
		}, (routine, decision) -> {
			if (decision.starting()) {
				routine.pending = decision.pending(token, now);
			}
			return new DueClaims.Claim<>(routine.id, Criteria.where("version").is(routine.version), decision.claim(),
					routine.pending, decision);
		});
	}

	private int handOver(List<RoutineDecision> claimed, Instant now, Set<Instant> ensured) {
		List<RoutineDecision> starting = new ArrayList<>();
		for (RoutineDecision decision : claimed) {
			if (decision.nextStartAt() != null && ensured.add(MinuteTriggers.minuteOf(decision.nextStartAt()))) {
				minutes.ensure(decision.nextStartAt());
			}
			if (decision.starting()) {
				lag.handingOff("routine", decision.routine().nextStartAt);
				starting.add(decision);
			}
			else {
				log.info("Routine {} ({}) for participant {} at {}: {}", decision.routine().id, decision.routine().flow,
						decision.routine().participantId, decision.plannedAt(), decision.outcome());
			}
		}
		start(starting, now);
		return claimed.size();
	}

	/** Starts each flow through the flows module and records what became of it, clearing its pending mark. */
	private int start(List<RoutineDecision> starting, Instant now) {
		List<DueClaims.Settle<Routine>> records = new ArrayList<>();
		for (RoutineDecision decision : starting) {
			Routine routine = decision.routine();
			ParticipantId participant = new ParticipantId(routine.participantId);
			Outcome outcome;
			try {
				outcome = conversations.start(participant, routine.flow).isPresent() ? decision.outcome()
						: waiting(participant, routine.flow) ? Outcome.WAITING_FOR_OPEN_CONVERSATION
								: Outcome.NOT_DELIVERED;
			}
			catch (RuntimeException ex) {
				log.error("Routine {} ({}) could not start for participant {}; it is tried again after the lease of {}",
						routine.id, routine.flow, participant, claims.lease(), ex);
				continue;
			}
			log.info("Routine {} ({}) for participant {} at {}: {}", routine.id, routine.flow, participant,
					decision.plannedAt(), outcome);
			records.add(new DueClaims.Settle<>(routine, decision.recording(now, outcome)));
		}
		claims.settle(KIND, records);
		return records.size();
	}

	/** Whether the flow waits for the participant's open conversation to end (its {@code when_busy: wait}). */
	private boolean waiting(ParticipantId participant, String flow) {
		return conversations.open(participant).map(open -> open.queued().contains(flow)).orElse(false);
	}

	/**
	 * Takes over the starts claimed longer than the lease ago and still pending (their node stopped
	 * half way) and finishes them: a start whose flow began after the claim (a conversation of it,
	 * or waiting behind the open one) is only recorded; else it starts now unless it is past the
	 * late limit.
	 */
	@Override
	public int recover() {
		return claims.recover(KIND, () -> !stopping, this::finish);
	}

	private int finish(List<Routine> taken, Instant now) {
		Map<ParticipantId, ParticipantProfile> people = participants
			.find(taken.stream().map(routine -> new ParticipantId(routine.participantId)).toList());
		List<RoutineDecision> starting = new ArrayList<>();
		List<DueClaims.Settle<Routine>> records = new ArrayList<>();
		for (Routine routine : taken) {
			ParticipantProfile participant = people.get(new ParticipantId(routine.participantId));
			RoutineDecision done = RoutineDecision.startNow(routine, participant, Outcome.STARTED_LATE);
			Outcome outcome;
			if (participant != null && began(participant.id(), routine)) {
				outcome = routine.pending.outcome();
			}
			else if (now.isAfter(routine.pending.plannedAt().plus(settings.lateLimit()))) {
				outcome = Outcome.SKIPPED_TOO_LATE;
			}
			else if (participant == null || !participant.active()) {
				outcome = Outcome.NOT_STARTED_INACTIVE;
			}
			else {
				starting.add(done);
				continue;
			}
			records.add(new DueClaims.Settle<>(routine, done.recording(now, outcome)));
		}
		claims.settle(KIND, records);
		return records.size() + start(starting, now);
	}

	private boolean began(ParticipantId participant, Routine routine) {
		Instant claimed = routine.pending.claimedAt();
		return waiting(participant, routine.flow) || conversations.history(participant)
			.stream()
			.anyMatch(c -> c.flow().equals(routine.flow) && c.startedAt() != null && !c.startedAt().isBefore(claimed));
	}

	/** Every minute in which a routine is due gets its trigger; a routine trigger nobody needs goes. */
	@EventListener(ApplicationReadyEvent.class)
	void reconcileAtStart() {
		reconcile();
	}

	int reconcile() {
		Query planned = Query.query(Criteria.where("nextStartAt").ne(null).and("on").is(true));
		planned.fields().include("nextStartAt");
		Set<Instant> needed = new TreeSet<>();
		int created = 0;
		for (Routine routine : mongo.find(planned, Routine.class)) {
			if (needed.add(MinuteTriggers.minuteOf(routine.nextStartAt)) && minutes.ensure(routine.nextStartAt)) {
				created++;
			}
		}
		int removed = 0;
		for (Instant minute : minutes.planned()) {
			if (!needed.contains(minute) && minutes.remove(minute)) {
				removed++;
			}
		}
		log.info("Routines reconciled: {} minutes planned, {} missing triggers created, {} unneeded triggers removed",
				needed.size(), created, removed);
		return created + removed;
	}

	/** After one routine changed: its next start gets a trigger (an unused one goes at the next reconciliation). */
	void planned(Instant next) {
		if (next != null) {
			minutes.ensure(next);
		}
	}

	@EventListener(ContextClosedEvent.class)
	void stop() {
		stopping = true;
	}
}
