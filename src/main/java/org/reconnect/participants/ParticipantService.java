package org.reconnect.participants;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.reconnect.messaging.ChannelKind;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OptOutChanged;
import org.reconnect.messaging.RecipientPolicy;
import org.reconnect.system.EmbeddedStore;
import org.reconnect.system.Inputs;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.InvalidInput.FieldProblem;
import org.reconnect.system.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The participants module's public face: enrol, look up, pause and resume, erase, and follow opt-outs. */
@Service
public class ParticipantService {

	private static final Logger log = LoggerFactory.getLogger(ParticipantService.class);

	private static final Set<String> LANGUAGES = Set.of("en", "es");

	private final Participants participants;
	private final PhoneNumbers phones;
	private final ApplicationEventPublisher events;
	private final ParticipantSettings settings;
	private final MongoTemplate mongo;
	/** Lazily: messaging asks participants (RecipientPolicy) about recipients while it sends. */
	private final ObjectProvider<Messenger> messenger;
	private final Clock clock;
	private final PendingErasures erasures;
	/** Only with the embedded store, whose file an erasure rewrites. */
	private final ObjectProvider<EmbeddedStore> embeddedStore;

	ParticipantService(Participants participants, PhoneNumbers phones, ApplicationEventPublisher events,
			ParticipantSettings settings, MongoTemplate mongo, Clock clock, ObjectProvider<Messenger> messenger,
			PendingErasures erasures, ObjectProvider<EmbeddedStore> embeddedStore) {
		this.erasures = erasures;
		this.embeddedStore = embeddedStore;
		this.participants = participants;
		this.phones = phones;
		this.events = events;
		this.settings = settings;
		this.mongo = mongo;
		this.messenger = messenger;
		this.clock = clock;
	}

	/**
	 * Checks every field, stores the participant and announces the enrolment.
	 *
	 * @throws InvalidInput naming every field that was wrong; nothing is stored then
	 * @throws ParticipantAlreadyEnrolled when the phone number is taken
	 */
	public ParticipantProfile enrol(EnrolParticipant request, String coach) {
		return enrol(request, coach, phone -> {
		});
	}

	/**
	 * {@link #enrol(EnrolParticipant, String)}, with one more check of the caller's.
	 *
	 * @param vet given the number (E.164) once every field is valid and no participant has it, before
	 * anything is stored; it refuses by throwing
	 */
	public ParticipantProfile enrol(EnrolParticipant request, String coach, Consumer<String> vet) {
		Inputs.check(request);
		List<FieldProblem> problems = new ArrayList<>();
		String name = request.name() == null ? "" : request.name().trim();
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "is required, 1 to 100 characters: send the name the participant likes to be called"));
		}
		String phone = null;
		try {
			phone = phones.toE164("phone", request.phone());
		}
		catch (InvalidInput ex) {
			problems.addAll(ex.problems());
		}
		ZoneId zone = null;
		try {
			zone = ZoneId.of(request.timeZone() == null ? "" : request.timeZone());
		}
		catch (DateTimeException ex) {
			problems.add(new FieldProblem("timeZone",
					"'" + request.timeZone() + "' is not an IANA time zone: send one such as America/New_York or Europe/Madrid"));
		}
		LocalTime checkInTime = null;
		try {
			checkInTime = LocalTime.parse(request.checkInTime() == null ? "" : request.checkInTime());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem("checkInTime",
					"'" + request.checkInTime() + "' is not a time of day: send 24-hour HH:mm, e.g. 09:00 or 18:30"));
		}
		if (checkInTime != null) {
			checkInTimeProblem(checkInTime, defaultQuietHours()).ifPresent(problems::add);
		}
		String language = request.language() == null || request.language().isBlank() ? "en" : request.language();
		if (!LANGUAGES.contains(language)) {
			problems.add(new FieldProblem("language", "'" + language + "' is not offered: send en or es"));
		}
		ChannelKind channel = channel(request.channel(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Optional<Participant> taken = participants.findByPhone(phone);
		if (taken.isPresent()) {
			throw alreadyEnrolled(taken.get());
		}
		vet.accept(phone);
		Participant participant;
		try {
			Participant enrolled = Participant.enrol(name, phone, zone, checkInTime, language, coach, clock.instant());
			enrolled.reachBy(channel, request.smsFallback() == null || request.smsFallback());
			participant = participants.save(enrolled);
		}
		catch (DuplicateKeyException ex) {
			throw participants.findByPhone(phone).map(this::alreadyEnrolled)
				.orElseGet(() -> new ParticipantAlreadyEnrolled(null, null));
		}
		ParticipantProfile profile = profile(participant);
		log.info("Enrolled participant {} for coach {}", profile.id(), coach);
		events.publishEvent(new ParticipantEnrolled(profile.id()));
		return profile;
	}

	/**
	 * Sets how messages reach the participant, and whether a WhatsApp message that cannot go or
	 * fails is sent again by SMS (on when {@code smsFallback} is null).
	 *
	 * @throws InvalidInput when the channel is not SMS, WHATSAPP or WEB
	 */
	public ParticipantProfile reachBy(ParticipantId id, String channel, Boolean smsFallback) {
		List<FieldProblem> problems = new ArrayList<>();
		ChannelKind kind = channel(channel, problems);
		if (channel == null || channel.isBlank()) {
			problems.add(new FieldProblem("channel", "is required: send SMS, WHATSAPP or WEB"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Participant participant = participants.findById(id.value())
			.orElseThrow(() -> new IllegalArgumentException("no participant " + id));
		participant.reachBy(kind, smsFallback == null || smsFallback);
		ParticipantProfile profile = profile(participants.save(participant));
		log.info("Participant {} is now reached by {} (SMS fallback {})", id, kind, profile.smsFallback() ? "on" : "off");
		return profile;
	}

	/** SMS when absent; any case is accepted (whatsapp, WhatsApp). */
	private static ChannelKind channel(String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return ChannelKind.SMS;
		}
		try {
			return ChannelKind.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("channel", "'" + value + "' is not a channel: send SMS, WHATSAPP or WEB"));
			return null;
		}
	}

	/**
	 * Moves the participant's daily check-in to another local time.
	 *
	 * @throws InvalidInput naming {@code checkInTime} when it falls in their quiet hours (it could
	 * never be sent); nothing changes then
	 */
	public ParticipantProfile changeCheckInTime(ParticipantId id, LocalTime time) {
		Participant participant = participants.findById(id.value()).orElseThrow();
		checkInTimeProblem(time, quietHoursOf(profile(participant).quietHours())).ifPresent(problem -> {
			throw new InvalidInput(List.of(problem));
		});
		participant.checkInAt(time);
		return profile(participants.save(participant));
	}

	/** The quiet hours that hold messages to this participant: their own, else the configured default. */
	public QuietHours quietHoursOf(ParticipantProfile participant) {
		return quietHoursOf(participant.quietHours());
	}

	/**
	 * Sets the participant's quiet hours (local HH:mm, the span may cross midnight).
	 *
	 * @throws InvalidInput naming the field that is not a time of day, or {@code quietHours} when
	 * they would cover the participant's check-in time (no check-in could ever be sent)
	 */
	public ParticipantProfile keepQuietHours(ParticipantId id, String start, String end) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalTime from = parseTime("start", start, problems);
		LocalTime to = parseTime("end", end, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Participant participant = participants.findById(id.value())
			.orElseThrow(() -> new IllegalArgumentException("no participant " + id));
		QuietHours hours = new QuietHours(from, to);
		QuietHours kept = quietHoursOf(hours);
		LocalTime checkIn = profile(participant).checkInTime();
		if (kept.contains(checkIn)) {
			throw InvalidInput.of("quietHours", kept.describe() + " would cover the daily check-in at " + checkIn
					+ ", which could then never be sent: choose quiet hours that end by " + checkIn
					+ " or start after it");
		}
		participant.keepQuietHours(hours);
		return profile(participants.save(participant));
	}

	/**
	 * What is wrong with a check-in time for someone about to be enrolled (who has the default
	 * quiet hours), as enrolment would say it; empty when it is fine.
	 */
	public Optional<FieldProblem> checkInTimeProblem(LocalTime checkInTime) {
		return checkInTimeProblem(checkInTime, defaultQuietHours());
	}

	private static Optional<FieldProblem> checkInTimeProblem(LocalTime checkInTime, QuietHours quiet) {
		if (!quiet.contains(checkInTime)) {
			return Optional.empty();
		}
		return Optional.of(new FieldProblem("checkInTime", checkInTime + " falls in quiet hours " + quiet.describe()
				+ ", when no check-in can be sent: choose a time from " + quiet.end() + " until " + quiet.start()));
	}

	/**
	 * The quiet hours of someone who has none of their own: messaging's configured default
	 * ({@code reconnect.messaging.compliance}), which is what holds their messages.
	 */
	public QuietHours defaultQuietHours() {
		Messenger sender = messenger.getIfAvailable();
		if (sender == null) {
			return QuietHours.DEFAULT;
		}
		RecipientPolicy.Recipient defaults = sender.defaults();
		return new QuietHours(defaults.quietFrom(), defaults.quietUntil());
	}

	/**
	 * The quiet hours that hold messages to a participant with these in their profile: their own,
	 * except that the standard 21:00-08:00 (what a profile shows when none were set) means the
	 * configured default, as {@link ParticipantRecipients} tells messaging.
	 */
	private QuietHours quietHoursOf(QuietHours own) {
		return own == null || own.equals(QuietHours.DEFAULT) ? defaultQuietHours() : own;
	}

	private static LocalTime parseTime(String field, String value, List<FieldProblem> problems) {
		try {
			return LocalTime.parse(value == null ? "" : value);
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "'" + value + "' is not a time of day: send 24-hour HH:mm, e.g. 21:00 or 08:00"));
			return null;
		}
	}

	public Optional<ParticipantProfile> find(ParticipantId id) {
		return participants.findById(id.value()).map(this::profile);
	}

	/** Several participants in one lookup (a batch of hand-offs); those not found are left out. */
	public Map<ParticipantId, ParticipantProfile> find(Collection<ParticipantId> ids) {
		Map<ParticipantId, ParticipantProfile> found = new HashMap<>();
		participants.findAllById(ids.stream().map(ParticipantId::value).distinct().toList())
			.forEach(participant -> {
				ParticipantProfile profile = profile(participant);
				found.put(profile.id(), profile);
			});
		return found;
	}

	/**
	 * The participant with this number, read from the store. An inbound message asks once, through
	 * messaging's {@code SenderLookup}, and hands the answer to every step.
	 */
	public Optional<ParticipantProfile> findByPhone(String phone) {
		return participants.findByPhone(phone).map(this::profile);
	}

	/** {@link #findByPhone} for several numbers in one lookup; numbers no participant has are left out. */
	public Map<String, ParticipantProfile> findByPhones(Collection<String> phones) {
		Map<String, ParticipantProfile> found = new HashMap<>();
		participants.findByPhoneIn(phones).forEach(participant -> found.put(participant.phone(), profile(participant)));
		return found;
	}

	public List<ParticipantProfile> caseload(String coach) {
		return participants.findByCoach(coach).stream().map(this::profile).toList();
	}

	/** Every caseload together: what a supervisor sees. */
	public List<ParticipantProfile> everyone() {
		return java.util.stream.StreamSupport.stream(participants.findAll().spliterator(), false)
			.map(this::profile)
			.toList();
	}

	/**
	 * Pauses check-ins and escalation until the given instant (the participant by SMS, or a coach
	 * for them: a holiday, a hospital stay).
	 *
	 * @throws InvalidInput when the end is not in the future, too far off, or the participant opted out
	 */
	public ParticipantProfile pause(ParticipantId id, Instant until, String by) {
		Instant now = clock.instant();
		if (until == null || !until.isAfter(now)) {
			throw InvalidInput.of("until", "must be in the future: send an ISO instant such as 2030-03-15T09:00:00Z");
		}
		if (until.isAfter(now.plus(settings.longestPause()))) {
			throw InvalidInput.of("until", "is more than " + settings.longestPause().toDays()
					+ " days away: pause for a shorter time and extend it later");
		}
		// One atomic update decides: of requests at the same moment (a double click, a retry) only the
		// one that changed something pauses and is announced; the same pause again is no news.
		Participant paused = mongo.findAndModify(Participant.pausable(id.value(), until), Participant.pause(until),
				FindAndModifyOptions.options().returnNew(true), Participant.class);
		if (paused == null) {
			Participant participant = participants.findById(id.value()).orElseThrow();
			if (participant.optedOut()) {
				throw InvalidInput.of("status", "the participant opted out (STOP): they must text START before a pause means anything");
			}
			return profile(participant);
		}
		log.info("Participant {} paused until {} by {}", id, until, by.startsWith("coach:") ? "their coach" : by);
		events.publishEvent(new ParticipantPaused(id, until, by));
		return profile(paused);
	}

	/** Ends a pause now; false when the participant was not paused (or another request just ended it). */
	public boolean resume(ParticipantId id, String by) {
		if (mongo.findAndModify(Participant.resumable(id.value()), Participant.resume(), Participant.class) == null) {
			return false;
		}
		log.info("Participant {} resumed", id);
		events.publishEvent(new ParticipantResumed(id, by));
		return true;
	}

	/**
	 * Ends every pause whose time is up. Each is claimed by one atomic update, so several nodes
	 * sweeping at once end (and announce) each pause once.
	 *
	 * @return how many pauses ended
	 */
	public int endDuePauses() {
		Query due = Query.query(Criteria.where("status").is(ParticipantStatus.PAUSED).and("pausedUntil").lte(clock.instant()));
		Update end = new Update().set("status", ParticipantStatus.ACTIVE).unset("pausedUntil").inc("version", 1);
		int ended = 0;
		Participant claimed;
		while ((claimed = mongo.findAndModify(due, end, FindAndModifyOptions.options().returnNew(true),
				Participant.class)) != null) {
			ended++;
			ParticipantProfile profile = profile(claimed);
			log.info("The pause of participant {} ended", profile.id());
			events.publishEvent(new ParticipantResumed(profile.id(), "schedule"));
		}
		return ended;
	}

	/** The coach's reading of this participant's silence. */
	public ParticipantProfile setResponsiveness(ParticipantId id, ResponsivenessSettings responsiveness) {
		List<FieldProblem> problems = new ArrayList<>();
		if (responsiveness.gracePeriod() == null || responsiveness.gracePeriod().isNegative()
				|| responsiveness.gracePeriod().compareTo(java.time.Duration.ofDays(14)) > 0) {
			problems.add(new FieldProblem("gracePeriod", "must be between PT0H and P14D, e.g. PT24H"));
		}
		if (responsiveness.missedToQuiet() < 1 || responsiveness.missedToQuiet() > 14) {
			problems.add(new FieldProblem("missedToQuiet", "must be 1 to 14 missed check-ins"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Participant participant = participants.findById(id.value()).orElseThrow();
		participant.respondWithin(responsiveness);
		return profile(participants.save(participant));
	}

	/**
	 * Erases the participant for good: their profile (name, phone), and through
	 * {@link ParticipantErased} what every module holds about them; then the messages to them, the
	 * text of messages to others about them and their web chat links; last, the embedded store's
	 * file is rewritten so that no copy stays in it. Records that hold only ids and fixed reasons
	 * (the audit log, the consent ledger) stay. An erasure is recorded as pending before anything
	 * goes and until everything has: one cut short (the node stopped, a store failed) is finished by
	 * calling this again or by the next sweep ({@link #finishErasures}), every step being safe to repeat.
	 */
	public void erase(ParticipantId id) {
		Optional<PendingErasure> pending = participants.findById(id.value())
			.map(participant -> erasures.save(new PendingErasure(id.value(), participant.phone(), clock.instant())))
			.or(() -> erasures.findById(id.value()));
		pending.ifPresent(this::finish);
	}

	/**
	 * Finishes the erasures a stopped node left half done: those pending for longer than
	 * {@link #ERASURE_RETRY_AFTER}, each claimed by one atomic update so one node at a time takes it.
	 *
	 * @return how many were finished
	 */
	public int finishErasures() {
		int finished = 0;
		Instant now = clock.instant();
		Query stale = Query.query(Criteria.where("startedAt").lt(now.minus(ERASURE_RETRY_AFTER)));
		PendingErasure claimed;
		while ((claimed = mongo.findAndModify(stale, new Update().set("startedAt", now),
				FindAndModifyOptions.options().returnNew(true), PendingErasure.class)) != null) {
			try {
				finish(claimed);
				finished++;
			}
			catch (RuntimeException ex) {
				log.warn("Erasure of participant {} failed again ({}); the next sweep retries it", claimed.participantId(),
						ex.getClass().getSimpleName());
			}
		}
		return finished;
	}

	/** Longer than an erasure on a live node takes, the rewrite of a large store file included. */
	static final java.time.Duration ERASURE_RETRY_AFTER = java.time.Duration.ofMinutes(2);

	private void finish(PendingErasure pending) {
		ParticipantId id = new ParticipantId(pending.participantId());
		participants.deleteById(id.value());
		events.publishEvent(new ParticipantErased(id, pending.phone()));
		// after the other modules, so nothing they sent while erasing stays
		long messages = messenger.getObject().forget(pending.phone(), id.value());
		erasures.deleteById(id.value());
		embeddedStore.ifAvailable(EmbeddedStore::compact);
		log.info("Participant {} erased, with {} messages sent to them", id, messages);
	}

	private ParticipantAlreadyEnrolled alreadyEnrolled(Participant existing) {
		ParticipantProfile profile = profile(existing);
		return new ParticipantAlreadyEnrolled(profile.id(), profile.coach());
	}

	private ParticipantProfile profile(Participant participant) {
		return participant.profile(settings.responsiveness());
	}

	@EventListener
	void on(OptOutChanged change) {
		participants.findByPhone(change.phone()).ifPresent(participant -> {
			if (change.optedOut()) {
				participant.optOut();
			}
			else {
				participant.optBackIn();
			}
			participants.save(participant);
		});
	}
}
