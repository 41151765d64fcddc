package org.reconnect.reminders;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.reconnect.participants.ParticipantErased;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.system.Inputs;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.InvalidInput.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * The reminders module's public face: create, list, change and delete a participant's meeting and
 * appointment reminders, skip or move one occurrence, preview the next ones. Every change plans
 * the next send and repairs the Quartz triggers at once.
 */
@Service
public class ReminderService {

	private static final Logger log = LoggerFactory.getLogger(ReminderService.class);


	/** Reminders one participant may have: a week of meetings and appointments, not a calendar. */
	static final int MOST_PER_PARTICIPANT = 50;

	/** Skipped and moved occurrences one reminder may keep. */
	static final int MOST_EXCEPTIONS = 100;

	/** How far from today a start or a moved occurrence may be, in years, either way. */
	static final int REACH_YEARS = 10;

	private static final List<Lead> DEFAULT_LEADS = List.of(Lead.daysBefore(1, LocalTime.of(18, 0)),
			Lead.before(Duration.ofHours(1)));

	private final Reminders reminders;
	private final ReminderEngine engine;
	private final ParticipantService participants;
	private final Clock clock;
	private final RuleWords words;
	private final OccurrenceViews occurrences;

	ReminderService(Reminders reminders, ReminderEngine engine, ParticipantService participants, Clock clock,
			RuleWords words, OccurrenceViews occurrences) {
		this.words = words;
		this.occurrences = occurrences;
		this.reminders = reminders;
		this.engine = engine;
		this.participants = participants;
		this.clock = clock;
	}

	/** @throws InvalidInput naming every field that was wrong; nothing is stored then */
	public ReminderView create(ParticipantId participant, ReminderRequest request) {
		ParticipantProfile profile = participants.find(participant).orElseThrow();
		long existing = reminders.countByParticipantId(participant.value());
		if (existing >= MOST_PER_PARTICIPANT) {
			throw InvalidInput.of("reminders", "problem.reminder.too-many", existing, MOST_PER_PARTICIPANT);
		}
		Reminder reminder = new Reminder();
		reminder.participantId = participant.value();
		reminder.createdAt = clock.instant();
		define(reminder, request, profile);
		reminder.planNext(ReminderPlan.nextSendAfter(reminder, clock.instant()));
		Reminder saved = reminders.save(reminder);
		engine.reconcile(null, saved.nextSendAt);
		log.info("Reminder {} created for participant {}: {}; next send at {}", saved.id, participant,
				words.describe(saved.rule, saved.startLocal(), saved.zoneId(), List.of(), Locale.ENGLISH), saved.nextSendAt);
		return view(saved);
	}

	public List<ReminderView> list(ParticipantId participant) {
		return reminders.findByParticipantId(participant.value())
			.stream()
			.sorted(Comparator.comparing((Reminder r) -> r.createdAt))
			.map(this::view)
			.toList();
	}

	public ReminderView get(ParticipantId participant, String id) {
		return view(find(participant, id));
	}

	/** Replaces the definition; sends already made stay made, the next one is planned afresh. */
	public ReminderView change(ParticipantId participant, String id, ReminderRequest request) {
		ParticipantProfile profile = participants.find(participant).orElseThrow();
		return update(participant, id, reminder -> {
			define(reminder, request, profile);
			reminder.skipped.clear();
			reminder.moved.clear();
		});
	}

	public void delete(ParticipantId participant, String id) {
		Reminder reminder = find(participant, id);
		reminders.delete(reminder);
		engine.reconcile(reminder.nextSendAt, null);
		log.info("Reminder {} of participant {} deleted", id, participant);
	}

	/** An erased participant's reminders, their answers and the triggers only they needed go. */
	@EventListener
	void on(ParticipantErased erased) {
		for (Reminder reminder : reminders.findByParticipantId(erased.participant().value())) {
			reminders.delete(reminder);
			engine.reconcile(reminder.nextSendAt, null);
		}
	}

	/** Skips one occurrence, named by its key (original local date-time) as the preview shows it. */
	public ReminderView skip(ParticipantId participant, String id, String occurrence) {
		return update(participant, id, reminder -> {
			String key = occurrenceKey(reminder, occurrence);
			reminder.moved.removeIf(m -> m.from().equals(key));
			if (!reminder.skipped.contains(key)) {
				requireRoomForException(reminder);
				reminder.skipped.add(key);
			}
		});
	}

	/** Moves one occurrence to another local date-time in the meeting's zone. */
	public ReminderView move(ParticipantId participant, String id, String occurrence, String to) {
		return update(participant, id, reminder -> {
			String key = occurrenceKey(reminder, occurrence);
			LocalDateTime target = localDateTime("moveTo", to, new ArrayList<>(), true);
			List<FieldProblem> far = new ArrayList<>();
			withinReach("moveTo", target, reminder.zoneId(), far);
			if (!far.isEmpty()) {
				throw new InvalidInput(far);
			}
			reminder.moved.removeIf(m -> m.from().equals(key));
			reminder.skipped.remove(key);
			requireRoomForException(reminder);
			reminder.moved.add(new Reminder.Move(key, target.toString()));
		});
	}

	/**
	 * The next {@code count} occurrences from now, in the meeting's local time, each with its texts
	 * that fall in the participant's quiet hours and what becomes of them.
	 */
	public List<OccurrenceView> preview(ParticipantId participant, String id, int count) {
		Reminder reminder = find(participant, id);
		return occurrences.next(reminder, participants.find(participant).orElse(null), Math.max(1, Math.min(count, 100)),
				LocaleContextHolder.getLocale());
	}

	/**
	 * Checks a reminder that is not stored (a form being typed): the schedule in plain words and its
	 * next {@code count} occurrences from now, with the same checks as {@link #create}.
	 *
	 * @throws InvalidInput naming every field that is wrong
	 */
	public ReminderPreview preview(ParticipantId participant, ReminderRequest request, int count) {
		ParticipantProfile profile = participants.find(participant).orElseThrow();
		Reminder draft = new Reminder();
		draft.participantId = participant.value();
		define(draft, request, profile);
		List<OccurrenceView> next = occurrences.next(draft, profile, Math.max(1, Math.min(count, 100)),
				LocaleContextHolder.getLocale());
		return new ReminderPreview(words.describe(draft.rule, draft.startLocal(), draft.zoneId(), draft.skipped,
				LocaleContextHolder.getLocale()), draft.zone, next);
	}

	/** The participant's latest answers to their reminders, newest first. */
	public List<ReminderView.ReplyView> replies(ParticipantId participant) {
		return reminders.findByParticipantId(participant.value())
			.stream()
			.flatMap(r -> ReminderView.replies(r).stream())
			.sorted(Comparator.comparing(ReminderView.ReplyView::receivedAt).reversed())
			.toList();
	}

	/** The participant's next meetings across all their reminders, soonest first. */
	List<ReminderTexts.Upcoming> upcoming(ParticipantId participant, int count) {
		List<ReminderTexts.Upcoming> all = new ArrayList<>();
		for (Reminder reminder : reminders.findByParticipantId(participant.value())) {
			ReminderPlan.occurrences(reminder, clock.instant(), count)
				.forEach(o -> all.add(new ReminderTexts.Upcoming(reminder.title, reminder.place, o.start())));
		}
		return all.stream()
			.sorted(Comparator.comparing((ReminderTexts.Upcoming u) -> u.start().toInstant()))
			.limit(count)
			.toList();
	}

	/**
	 * The reminder as the coach sees it, its schedule in words in the language of the request being
	 * answered (Accept-Language), else English.
	 */
	private ReminderView view(Reminder reminder) {
		Locale locale = LocaleContextHolder.getLocale();
		return ReminderView.of(reminder,
				words.describe(reminder.rule, reminder.startLocal(), reminder.zoneId(), reminder.skipped, locale),
				lead -> words.lead(lead, locale));
	}

	private Reminder find(ParticipantId participant, String id) {
		return reminders.findById(id)
			.filter(r -> r.participantId.equals(participant.value()))
			.orElseThrow(() -> new ReminderNotFound(id));
	}

	private ReminderView update(ParticipantId participant, String id, java.util.function.Consumer<Reminder> change) {
		for (int attempt = 1;; attempt++) {
			Reminder reminder = find(participant, id);
			Instant before = reminder.nextSendAt;
			change.accept(reminder);
			validateHasFuture(reminder);
			reminder.planNext(ReminderPlan.nextSendAfter(reminder, clock.instant()));
			try {
				Reminder saved = reminders.save(reminder);
				engine.reconcile(before, saved.nextSendAt);
				log.info("Reminder {} of participant {} changed; next send at {}", id, participant, saved.nextSendAt);
				return view(saved);
			}
			catch (OptimisticLockingFailureException ex) {
				// A fire moved it on a moment ago: apply the change again to what it is now.
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	private void define(Reminder reminder, ReminderRequest request, ParticipantProfile profile) {
		Inputs.check(request);
		List<FieldProblem> problems = new ArrayList<>();
		String title = request.title() == null ? "" : request.title().trim();
		if (title.isEmpty()) {
			problems.add(FieldProblem.of("title", "problem.reminder.title"));
		}
		ZoneId zone = profile.zone();
		if (request.timeZone() != null && !request.timeZone().isBlank()) {
			try {
				zone = ZoneId.of(request.timeZone());
			}
			catch (DateTimeException ex) {
				problems.add(FieldProblem.of("timeZone", "problem.time-zone.unknown", request.timeZone()));
			}
		}
		LocalDateTime start = localDateTime("start", request.start(), problems, false);
		if (start != null) {
			withinReach("start", start, zone, problems);
		}
		String rule = rule(request.rule(), problems);
		int duration = request.durationMinutes() == null ? 60 : request.durationMinutes();
		if (duration < 1 || duration > 24 * 60) {
			problems.add(FieldProblem.of("durationMinutes", "problem.reminder.duration"));
		}
		List<Lead> leads = new ArrayList<>();
		if (request.leads() == null || request.leads().isEmpty()) {
			leads.addAll(DEFAULT_LEADS);
		}
		else {
			for (int i = 0; i < request.leads().size(); i++) {
				Lead lead = lead("leads[" + i + "]", request.leads().get(i), problems);
				if (lead != null) {
					leads.add(lead);
				}
			}
		}
		InQuietHours inQuietHours = InQuietHours.parse(request.inQuietHours(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		reminder.inQuietHours = inQuietHours;
		reminder.title = title;
		reminder.place = blankToNull(request.place());
		reminder.note = blankToNull(request.note());
		reminder.zone = zone.getId();
		reminder.start = start.toString();
		reminder.rule = rule;
		reminder.durationMinutes = duration;
		reminder.leads = new ArrayList<>(leads.stream().map(Lead::code).toList());
		validateHasFuture(reminder);
	}

	private void validateHasFuture(Reminder reminder) {
		List<ReminderPlan.Occurrence> next;
		try {
			next = ReminderPlan.occurrences(reminder, clock.instant(), 1);
		}
		catch (RuntimeException ex) {
			throw InvalidInput.of("rule", "problem.reminder.rule-unexpandable", ex.getMessage(), RecurrenceRules.examples());
		}
		if (next.isEmpty()) {
			throw reminder.rule == null ? InvalidInput.of("start", "problem.reminder.start-past")
					: InvalidInput.of("rule", "problem.reminder.rule-ended", RecurrenceRules.examples());
		}
	}

	private static String rule(String raw, List<FieldProblem> problems) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String rule = raw.trim();
		if (rule.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
			rule = rule.substring("RRULE:".length());
		}
		FieldProblem problem = RecurrenceRules.problem(rule);
		if (problem != null) {
			problems.add(FieldProblem.of("rule", "problem.reminder.rule", raw, problem.words()));
			return null;
		}
		return rule;
	}

	/** A start or a moved occurrence within {@link #REACH_YEARS} of today, in the meeting's zone. */
	private void withinReach(String field, LocalDateTime value, ZoneId zone, List<FieldProblem> problems) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		LocalDate earliest = today.minusYears(REACH_YEARS);
		LocalDate latest = today.plusYears(REACH_YEARS);
		if (value.toLocalDate().isBefore(earliest) || value.toLocalDate().isAfter(latest)) {
			problems.add(FieldProblem.of(field, "problem.reminder.out-of-reach", value, REACH_YEARS, earliest, latest,
					today.plusDays(7)));
		}
	}

	private static void requireRoomForException(Reminder reminder) {
		if (reminder.skipped.size() + reminder.moved.size() >= MOST_EXCEPTIONS) {
			throw InvalidInput.of("occurrence", "problem.reminder.too-many-exceptions", MOST_EXCEPTIONS);
		}
	}

	private static LocalDateTime localDateTime(String field, String raw, List<FieldProblem> problems, boolean alone) {
		try {
			return LocalDateTime.parse(raw == null ? "" : raw.trim()).truncatedTo(ChronoUnit.MINUTES);
		}
		catch (DateTimeParseException ex) {
			FieldProblem problem = FieldProblem.of(field, "problem.reminder.date-time", raw);
			if (alone) {
				throw new InvalidInput(List.of(problem));
			}
			problems.add(problem);
			return null;
		}
	}

	private static Lead lead(String field, ReminderRequest.LeadRequest request, List<FieldProblem> problems) {
		if (request == null) {
			problems.add(FieldProblem.of(field, "problem.reminder.lead-empty"));
			return null;
		}
		Lead lead;
		try {
			lead = new Lead(request.before() == null ? null : Duration.parse(request.before()), request.daysBefore(),
					request.at() == null ? null : LocalTime.parse(request.at()));
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of(field, "problem.reminder.lead-unreadable"));
			return null;
		}
		String problem = lead.problem();
		if (problem != null) {
			problems.add(FieldProblem.of(field, problem));
			return null;
		}
		return lead;
	}

	private static String occurrenceKey(Reminder reminder, String occurrence) {
		LocalDateTime local = localDateTime("occurrence", occurrence, new ArrayList<>(), true);
		return local.toString();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
