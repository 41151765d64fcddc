package org.reconnect.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

import org.reconnect.consent.AlertKind;
import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentService;
import org.reconnect.flows.CheckInAnswered;
import org.reconnect.flows.ReachedOut;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the days a participant answered and reached out, and on each such event decides whether
 * they reached a milestone today: at most one a day (see {@link MilestoneKind} for which wins),
 * each once. A reached milestone becomes the participant's sentence and, when they share that kind,
 * a note to each ally whose consent covers PROGRESS now (checked again when it goes).
 */
@Component
class MilestoneEngine {

	private static final Logger log = LoggerFactory.getLogger(MilestoneEngine.class);

	private final ProgressDays days;
	private final Milestones milestones;
	private final ProgressSharings sharing;
	private final ParticipantService participants;
	private final ConsentService consent;
	private final MongoTemplate mongo;
	private final ProgressSettings settings;
	private final Clock clock;

	MilestoneEngine(ProgressDays days, Milestones milestones, ProgressSharings sharing, ParticipantService participants,
			ConsentService consent, MongoTemplate mongo, ProgressSettings settings, Clock clock) {
		this.days = days;
		this.milestones = milestones;
		this.sharing = sharing;
		this.participants = participants;
		this.consent = consent;
		this.mongo = mongo;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener
	void on(CheckInAnswered answered) {
		counted(answered.participant(), "answered");
	}

	@EventListener
	void on(ReachedOut reached) {
		counted(reached.participant(), "reachedOut");
	}

	private void counted(ParticipantId participant, String what) {
		try {
			ParticipantProfile profile = participants.find(participant).orElse(null);
			if (profile == null) {
				return;
			}
			LocalDate today = clock.instant().atZone(profile.zone()).toLocalDate();
			String id = ProgressDay.id(profile.id().value(), today);
			mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
					new Update().set(what, true).setOnInsert("participantId", profile.id().value())
						.setOnInsert("day", today.toString()),
					FindAndModifyOptions.options().upsert(true).returnNew(true), ProgressDay.class);
			reach(profile, today);
		}
		catch (RuntimeException ex) {
			// The conversation goes on; a milestone missed today can still be reached the next time.
			log.error("Progress of participant {} could not be counted", participant, ex);
		}
	}

	/** Reaches today's milestone, if any: the first candidate by {@link MilestoneKind} order not yet reached. */
	Milestone reach(ParticipantProfile profile, LocalDate today) {
		String participant = profile.id().value();
		if (milestones.existsByParticipantIdAndDay(participant, today.toString())) {
			return null;
		}
		NavigableSet<LocalDate> answered = new TreeSet<>();
		NavigableSet<LocalDate> reachedOut = new TreeSet<>();
		for (ProgressDay day : days.findByParticipantId(participant)) {
			LocalDate date = LocalDate.parse(day.day());
			if (day.didAnswer()) {
				answered.add(date);
			}
			if (day.didReachOut()) {
				reachedOut.add(date);
			}
		}
		for (Milestone candidate : candidates(profile, today, answered, reachedOut)) {
			if (milestones.existsById(candidate.id())) {
				continue;
			}
			try {
				Milestone reached = mongo.insert(candidate);
				log.info("Participant {} reached milestone {}", participant, reached.id());
				queueNotes(reached);
				return reached;
			}
			catch (DuplicateKeyException ex) {
				return null; // another node reached this one, or another today, first
			}
		}
		return null;
	}

	private List<Milestone> candidates(ParticipantProfile profile, LocalDate today, NavigableSet<LocalDate> answered,
			NavigableSet<LocalDate> reachedOut) {
		String participant = profile.id().value();
		Instant now = clock.instant();
		List<Milestone> found = new ArrayList<>();
		if (answered.contains(today)) {
			LocalDate before = answered.lower(today);
			if (before == null) {
				found.add(milestone(participant, MilestoneKind.FIRST_CHECK_IN, "", 0, today, now));
			}
			// days with no check-in answered between the last one and today
			else if (ChronoUnit.DAYS.between(before, today) - 1 >= settings.quietSpell().toDays()) {
				found.add(milestone(participant, MilestoneKind.BACK_AFTER_QUIET_SPELL, ":" + today, 0, today, now));
			}
		}
		if (answered.contains(today) && profile.enrolledAt() != null) {
			long taking = ChronoUnit.DAYS.between(profile.enrolledAt().atZone(profile.zone()).toLocalDate(), today);
			// Only the highest reached: someone at day 40 hears of a month, never a late "one week".
			settings.dayMilestones().stream().filter(days -> days <= taking).max(Comparator.naturalOrder())
				.ifPresent(days -> found.add(milestone(participant, MilestoneKind.DAYS_TAKING_PART, ":" + days, days, today,
						now)));
		}
		LocalDate windowStart = today.minusDays(settings.connectedWithin() - 1L);
		int connected = reachedOut.subSet(windowStart, true, today, true).size();
		if (connected >= settings.connectedDays() && !connectedWeekSince(participant, windowStart)) {
			found.add(milestone(participant, MilestoneKind.CONNECTED_WEEK, ":" + today, connected, today, now));
		}
		found.sort(Comparator.comparing(Milestone::kind));
		return found;
	}

	/** Whether a connected week was recognised on or after {@code since}: two weeks recognised never overlap. */
	private boolean connectedWeekSince(String participant, LocalDate since) {
		return milestones.findByParticipantIdOrderByReachedAtAsc(participant).stream()
			.anyMatch(m -> m.kind() == MilestoneKind.CONNECTED_WEEK && !LocalDate.parse(m.day()).isBefore(since));
	}

	private static Milestone milestone(String participant, MilestoneKind kind, String which, int days, LocalDate today,
			Instant now) {
		return new Milestone(participant + ":" + kind.name() + which, participant, kind, days, today.toString(), now);
	}

	/** The participant's sentence, and a note to each ally holding PROGRESS now when they share this kind. */
	private void queueNotes(Milestone milestone) {
		Instant due = milestone.reachedAt().plus(settings.sayAfter());
		Instant notAfter = milestone.reachedAt().plus(settings.freshFor());
		List<ProgressNote> notes = new ArrayList<>();
		notes.add(ProgressNote.of(milestone, null, due, notAfter));
		ParticipantId participant = new ParticipantId(milestone.participantId());
		if (sharing.shares(participant, milestone.kind())) {
			for (AllyView ally : consent.alliesWhoConsented(participant, AlertKind.PROGRESS)) {
				notes.add(ProgressNote.of(milestone, ally.id(), due, notAfter));
			}
		}
		for (ProgressNote note : notes) {
			try {
				mongo.insert(note);
			}
			catch (DuplicateKeyException ex) {
				// queued already by the node that reached it
			}
		}
	}
}
