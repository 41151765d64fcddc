package org.reconnect.routines;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.reconnect.flows.FlowCatalog;
import org.reconnect.participants.ParticipantEnrolled;
import org.reconnect.participants.ParticipantErased;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantProfileChanged;
import org.reconnect.participants.ParticipantService;
import org.reconnect.participants.QuietHours;
import org.reconnect.reminders.Recurrences;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.InvalidInput.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The routines module's public face: put a flow on a recurrence for one participant or for every
 * participant in a coach's caseload, turn one off or on, change its day and time, take it away;
 * the weekly reflection for every new participant. Every change plans the next start at once.
 */
@Service
public class RoutineService {

	private static final Logger log = LoggerFactory.getLogger(RoutineService.class);

	/** What to send instead, in a refusal of the rule. */
	static final org.springframework.context.MessageSourceResolvable RULE_EXAMPLES = FieldProblem
		.words("problem.routine.rule-examples");

	private final Routines routines;
	private final RoutineEngine engine;
	private final ParticipantService participants;
	private final FlowCatalog flows;
	private final Recurrences recurrences;
	private final RoutineSettings settings;
	private final Clock clock;

	RoutineService(Routines routines, RoutineEngine engine, ParticipantService participants, FlowCatalog flows,
			Recurrences recurrences, RoutineSettings settings, Clock clock) {
		this.routines = routines;
		this.engine = engine;
		this.participants = participants;
		this.flows = flows;
		this.recurrences = recurrences;
		this.settings = settings;
		this.clock = clock;
	}

	/** The participant's routines, their schedules in the reader's words. */
	public List<RoutineView> list(ParticipantId participant) {
		ParticipantProfile profile = participants.find(participant).orElseThrow();
		return routines.findByParticipantId(participant.value())
			.stream()
			.sorted(Comparator.comparing((Routine r) -> r.createdAt))
			.map(routine -> view(routine, profile))
			.toList();
	}

	/** @throws RoutineNotFound when they have no routine of the flow */
	public RoutineView get(ParticipantId participant, String flow) {
		ParticipantProfile profile = participants.find(participant).orElseThrow();
		return view(find(participant, flow), profile);
	}

	/**
	 * Puts the flow on the recurrence for the participant, or changes the routine they have of it.
	 *
	 * @throws InvalidInput naming every field that was wrong; nothing is stored then
	 */
	public RoutineView set(ParticipantId participant, String flow, RoutineRequest request, String by) {
		ParticipantProfile profile = participants.find(participant).orElseThrow();
		Checked checked = check(flow, request);
		refuseQuietTime(profile, checked.time(), "time", null);
		return view(store(profile, flow, checked, Routine.Origin.COACH, by), profile);
	}

	/**
	 * Puts the flow on the recurrence for every participant in the coach's caseload now (who is
	 * enrolled later is not included), replacing the routine of that flow anyone already has. The
	 * time is checked against each one's quiet hours first: one refusal stores nothing.
	 */
	public List<RoutineView> setForCaseload(String coach, String flow, RoutineRequest request, String by) {
		Checked checked = check(flow, request);
		List<ParticipantProfile> caseload = participants.caseload(coach);
		for (ParticipantProfile profile : caseload) {
			refuseQuietTime(profile, checked.time(), "time", profile.name());
		}
		List<RoutineView> set = new ArrayList<>();
		for (ParticipantProfile profile : caseload) {
			set.add(view(store(profile, flow, checked, Routine.Origin.CASELOAD, by), profile));
		}
		log.info("Routine {} set for the {} participants of coach {} by {}", flow, set.size(), coach, by);
		return set;
	}

	/** Takes the routine away; nothing of it starts after this. */
	public void delete(ParticipantId participant, String flow) {
		routines.delete(find(participant, flow));
		log.info("Routine {} of participant {} deleted", flow, participant);
	}

	/** The flows a coach may put on a routine: the loaded flows whose file says {@code routine: true}. */
	public Set<String> flows() {
		return flows.routineFlows();
	}

	/** Starts the routines due by the clock now (the transcript player's clock moves; Quartz's triggers do not). */
	public int startDue() {
		return engine.fireDue();
	}

	/** Every new participant gets the weekly reflection, unless the organisation turned that off. */
	@EventListener
	void on(ParticipantEnrolled enrolled) {
		if (!settings.reflectionAtEnrolment() || !flows.exists(settings.reflectionFlow())) {
			return;
		}
		if (!flows.routineFlows().contains(settings.reflectionFlow())) {
			log.warn("The weekly reflection flow {} does not say routine: true: no routine is set for participant {}",
					settings.reflectionFlow(), enrolled.participant());
			return;
		}
		try {
			addReflection(enrolled);
		}
		catch (RuntimeException ex) {
			// The enrolment stands; a coach can put the reflection on from the participant's page.
			log.error("The weekly reflection routine could not be set for participant {}", enrolled.participant(), ex);
		}
	}

	private void addReflection(ParticipantEnrolled enrolled) {
		ParticipantProfile profile = participants.find(enrolled.participant()).orElse(null);
		if (profile == null || routines.findByParticipantIdAndFlow(profile.id().value(), settings.reflectionFlow()).isPresent()) {
			return;
		}
		Instant from = (profile.enrolledAt() == null ? clock.instant() : profile.enrolledAt())
			.plus(settings.reflectionFirstAfter());
		LocalDate first = from.atZone(profile.zone()).toLocalDate()
			.with(TemporalAdjusters.nextOrSame(settings.reflectionDay()));
		if (!LocalDateTime.of(first, settings.reflectionTime()).atZone(profile.zone()).toInstant().isAfter(from)) {
			first = first.plusWeeks(1);
		}
		Routine routine = new Routine();
		routine.participantId = profile.id().value();
		routine.flow = settings.reflectionFlow();
		routine.rule = "FREQ=WEEKLY;BYDAY=" + code(settings.reflectionDay());
		routine.start = LocalDateTime.of(first, settings.reflectionTime()).toString();
		routine.origin = Routine.Origin.ENROLMENT;
		routine.createdBy = "organisation";
		routine.createdAt = clock.instant();
		routine.planNext(firstAfter(routine, profile.zone(), clock.instant().minusSeconds(1)));
		Routine saved = routines.save(routine);
		engine.planned(saved.nextStartAt);
		log.info("Weekly reflection routine for participant {}: first at {}", profile.id(), saved.nextStartAt);
	}

	/** An erased participant's routines go. */
	@EventListener
	void on(ParticipantErased erased) {
		routines.deleteAll(routines.findByParticipantId(erased.participant().value()));
	}

	/** Routines follow the participant's zone: a move re-plans their next starts at the same local time. */
	@EventListener
	void on(ParticipantProfileChanged changed) {
		if (!changed.fields().contains("timeZone")) {
			return;
		}
		ParticipantProfile profile = participants.find(changed.participant()).orElse(null);
		if (profile == null) {
			return;
		}
		for (Routine routine : routines.findByParticipantId(profile.id().value())) {
			if (routine.on && routine.pending == null) {
				routine.planNext(firstAfter(routine, profile.zone(), clock.instant()));
				engine.planned(routines.save(routine).nextStartAt);
			}
		}
	}

	/** A request read and checked; the time is checked against quiet hours per participant. */
	private record Checked(String rule, LocalTime time, boolean on) {
	}

	private Checked check(String flow, RoutineRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> recurring = flows.routineFlows();
		if (!recurring.contains(flow)) {
			// a loaded flow not made to recur (a welcome, a reminder's reply) is told apart from a name that is no flow
			problems.add(FieldProblem.of("flow", flows.exists(flow) ? "problem.routine.flow-not-routine" : "problem.routine.flow",
					flow, String.join(", ", recurring)));
		}
		String rule = request == null || request.rule() == null ? "" : request.rule().trim();
		if (rule.regionMatches(true, 0, "RRULE:", 0, 6)) {
			rule = rule.substring(6);
		}
		if (rule.isEmpty()) {
			problems.add(FieldProblem.of("rule", "problem.routine.rule-missing", RULE_EXAMPLES));
		}
		else {
			FieldProblem problem = recurrences.problem(rule);
			if (problem != null) {
				problems.add(problem);
			}
			else if (recurrences.after(ZoneId.of("UTC"), LocalDateTime.of(today(ZoneId.of("UTC")), LocalTime.NOON), rule,
					clock.instant(), 1).isEmpty()) {
				problems.add(FieldProblem.of("rule", "problem.routine.rule-none", RULE_EXAMPLES));
			}
		}
		LocalTime time = null;
		String given = request == null || request.time() == null ? "" : request.time().trim();
		try {
			time = LocalTime.parse(given);
		}
		catch (DateTimeParseException ex) {
			problems.add(given.isEmpty() ? FieldProblem.of("time", "problem.routine.time-missing")
					: FieldProblem.of("time", "problem.routine.time-unreadable", given));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Checked(rule, time, request.on() == null || request.on());
	}

	/** A routine's time inside quiet hours would never start on time: refused, as a check-in time is. */
	private void refuseQuietTime(ParticipantProfile profile, LocalTime time, String field, String whose) {
		QuietHours quiet = participants.quietHoursOf(profile);
		if (quiet.contains(time)) {
			throw whose == null ? InvalidInput.of(field, "problem.routine.quiet-time", time, quiet.describe())
					: InvalidInput.of(field, "problem.routine.quiet-time-of", time, whose, quiet.describe());
		}
	}

	private Routine store(ParticipantProfile profile, String flow, Checked checked, Routine.Origin origin, String by) {
		Routine routine = routines.findByParticipantIdAndFlow(profile.id().value(), flow).orElseGet(Routine::new);
		if (routine.id == null) {
			routine.participantId = profile.id().value();
			routine.flow = flow;
			routine.createdAt = clock.instant();
		}
		routine.origin = origin;
		routine.createdBy = by;
		routine.rule = checked.rule();
		routine.start = LocalDateTime.of(today(profile.zone()), checked.time()).toString();
		routine.on = checked.on();
		routine.pending = null;
		routine.planNext(routine.on ? firstAfter(routine, profile.zone(), clock.instant()) : null);
		Routine saved = routines.save(routine);
		engine.planned(saved.nextStartAt);
		log.info("Routine {} of participant {} set by {}: on {}, next start at {}", flow, profile.id(), by, saved.on,
				saved.nextStartAt);
		return saved;
	}

	/** The first occurrence after {@code after} in the zone; null when none is left. */
	private ZonedDateTime firstAfter(Routine routine, ZoneId zone, Instant after) {
		List<ZonedDateTime> next = recurrences.after(zone, routine.startLocal(), routine.rule, after, 1);
		return next.isEmpty() ? null : next.get(0);
	}

	private LocalDate today(ZoneId zone) {
		return clock.instant().atZone(zone).toLocalDate();
	}

	private Routine find(ParticipantId participant, String flow) {
		return routines.findByParticipantIdAndFlow(participant.value(), flow).orElseThrow(() -> new RoutineNotFound(flow));
	}

	private RoutineView view(Routine routine, ParticipantProfile profile) {
		Locale locale = LocaleContextHolder.getLocale();
		LocalDateTime start = routine.startLocal();
		String next = routine.on && routine.nextStartAt != null
				? recurrences.occurrence(routine.nextStartAt.atZone(profile.zone()).toLocalDateTime(), locale) : null;
		List<RoutineView.StartView> recent = routine.starts.stream()
			.map(s -> new RoutineView.StartView(s.occurrence(), s.decidedAt(), s.outcome().name()))
			.toList();
		return new RoutineView(routine.id, routine.flow, routine.rule, start.toLocalTime().toString(), routine.on,
				flows.routineFlows().contains(routine.flow), recurrences.describe(routine.rule, start, profile.zone(), locale),
				routine.origin.name(), routine.on ? routine.nextStartAt : null, next, recent);
	}

	private static String code(DayOfWeek day) {
		return day.name().substring(0, 2);
	}
}
