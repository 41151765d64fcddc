package org.reconnect.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.types.ObjectId;
import org.reconnect.consent.AlertKind;
import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentChanged;
import org.reconnect.consent.ConsentService;
import org.reconnect.flows.CheckInAnswered;
import org.reconnect.flows.CheckInMissed;
import org.reconnect.messaging.MessageReceived;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OptOutChanged;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SendResult;
import org.reconnect.participants.ParticipantErased;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantPaused;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantResumed;
import org.reconnect.participants.ParticipantService;
import org.reconnect.participants.ParticipantStatus;
import org.reconnect.system.Inputs;
import org.reconnect.system.InvalidInput;
import org.reconnect.system.InvalidInput.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Responsiveness and the escalation ladder. A delivered check-in that went unanswered opens an
 * episode; its steps (nudge, coach, allies by default) fall due by their delays, wait out each
 * recipient's quiet hours, and stop when the participant shows a sign of life (then those alerted
 * hear they are back, if their consent covers it), when someone acknowledges (everything above
 * that step), or when the participant pauses or opts out. Consent is read from the ledger at the
 * moment each alert goes.
 */
@Service
public class EscalationService {

	private static final Logger log = LoggerFactory.getLogger(EscalationService.class);

	private static final String QUIET = "QUIET";
	private static final String BACK = "BACK_IN_TOUCH";
	private static final String PARTICIPANT = "participant";
	/**
	 * A nudge held in the outbox (the participant's quiet hours, an outage) is dropped rather than
	 * sent later than this: long enough to wait out a night, short enough never to arrive beside
	 * the next day's check-in (due about 16 h after a nudge with the default ladder).
	 */
	static final Duration NUDGE_FRESH_FOR = Duration.ofHours(12);

	private final ConsentService consent;
	private final ParticipantService participants;
	private final Messenger messenger;
	private final AlertRecords alerts;
	private final CoachNotices notices;
	private final Episodes episodes;
	private final Tracks tracks;
	private final Ladders ladders;
	private final AuditLog auditLog;
	private final Audit audit;
	private final AlertTexts texts;
	private final AlertRecipients reach;
	private final EscalationSettings settings;
	private final MongoTemplate mongo;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	EscalationService(ConsentService consent, ParticipantService participants, Messenger messenger, AlertRecords alerts,
			CoachNotices notices, Episodes episodes, Tracks tracks, Ladders ladders, AuditLog auditLog, Audit audit,
			AlertTexts texts, AlertRecipients reach, EscalationSettings settings, MongoTemplate mongo,
			ApplicationEventPublisher events, Clock clock) {
		this.consent = consent;
		this.participants = participants;
		this.messenger = messenger;
		this.alerts = alerts;
		this.notices = notices;
		this.episodes = episodes;
		this.tracks = tracks;
		this.ladders = ladders;
		this.auditLog = auditLog;
		this.audit = audit;
		this.texts = texts;
		this.reach = reach;
		this.settings = settings;
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
	}

	// --- what was expected of the participant, and what they did

	@EventListener
	void on(CheckInMissed missed) {
		ParticipantProfile participant = participants.find(missed.participant()).orElse(null);
		if (participant == null) {
			return;
		}
		String id = participant.id().value();
		Instant now = clock.instant();
		Track track = mongo.findAndModify(byId(id), new Update().inc("missedInARow", 1).set("lastMissedAt", now),
				FindAndModifyOptions.options().upsert(true).returnNew(true), Track.class);
		if (track.lateSince == null) {
			mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("lateSince").is(null)),
					new Update().set("lateSince", now), Track.class);
		}
		audit.record(id, "CHECK_IN_MISSED", PARTICIPANT, "a delivered check-in went unanswered past its deadline",
				missed.conversation());
		if (!participant.active() || track.openEpisode != null) {
			return; // paused or opted out: nothing escalates; or the ladder is already climbing
		}
		String episodeId = new ObjectId().toHexString();
		if (mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("openEpisode").is(null)),
				new Update().set("openEpisode", episodeId), FindAndModifyOptions.options().returnNew(true),
				Track.class) == null) {
			return;
		}
		Instant since = track.lastSignOfLife != null ? track.lastSignOfLife : missed.sentAt();
		Episode episode = episodes.save(Episode.open(episodeId, id, now, since, ladder(participant.id())));
		audit.record(id, "EPISODE_OPENED", PARTICIPANT, "the first missed check-in since the last sign of life",
				episode.id, missed.conversation());
		log.info("Escalation episode {} opened for participant {}", episode.id, id);
		runDue(episode.id);
	}

	@EventListener
	void on(CheckInAnswered answered) {
		participants.find(answered.participant())
			.ifPresent(participant -> signOfLife(participant, "answered a check-in", answered.conversation()));
	}

	/** Any message from a participant is a sign of life, unless their coach counts only answers. */
	@EventListener
	void on(MessageReceived received) {
		participants.findByPhone(received.from())
			.filter(participant -> participant.responsiveness().anyMessageCounts())
			.ifPresent(participant -> signOfLife(participant, "wrote a message", received.key()));
	}

	private void signOfLife(ParticipantProfile participant, String reason, String ref) {
		String id = participant.id().value();
		Instant now = clock.instant();
		Track before = mongo.findAndModify(byId(id),
				new Update().set("lastSignOfLife", now).set("missedInARow", 0).unset("lateSince").unset("openEpisode"),
				FindAndModifyOptions.options().upsert(true).returnNew(false), Track.class);
		if (before != null && before.openEpisode != null) {
			audit.record(id, "SIGN_OF_LIFE", PARTICIPANT, reason, ref);
			close(before.openEpisode, "BACK_IN_TOUCH", true);
		}
	}

	@EventListener
	void on(ParticipantPaused paused) {
		String id = paused.participant().value();
		audit.record(id, "PAUSED", paused.by().startsWith("coach:") ? paused.by() : PARTICIPANT,
				"paused until " + paused.until());
		// A participant who texts PAUSE is in touch: those alerted hear so, as their consent allows.
		boolean theyWrote = !paused.by().startsWith("coach:");
		tracks.findById(id).map(track -> track.openEpisode).ifPresent(open -> close(open, "PAUSED", theyWrote));
		mongo.updateFirst(byId(id), new Update().unset("openEpisode").set("missedInARow", 0).unset("lateSince"),
				Track.class);
		if (paused.by().startsWith("coach:")) {
			participants.find(paused.participant()).ifPresent(participant -> tell(participant, "pause.by-coach",
					Map.of("date", PauseRequest.describe(paused.until(), participant)), Purpose.NOTICE));
		}
	}

	/** A pause ended, asked for or on time: a kind word, and check-ins start again. */
	@EventListener
	void on(ParticipantResumed resumed) {
		audit.record(resumed.participant().value(), "RESUMED", resumed.by(), "the pause ended");
		participants.find(resumed.participant())
			.ifPresent(participant -> tell(participant, "pause.ended",
					Map.of("time", participant.checkInTime().toString()), Purpose.NOTICE));
	}

	@EventListener
	void on(OptOutChanged change) {
		participants.findByPhone(change.phone()).ifPresent(participant -> {
			String id = participant.id().value();
			audit.record(id, change.optedOut() ? "OPTED_OUT" : "OPTED_IN", PARTICIPANT,
					change.optedOut() ? "texted STOP" : "texted START");
			if (change.optedOut()) {
				tracks.findById(id).map(track -> track.openEpisode).ifPresent(open -> close(open, "OPTED_OUT", false));
				mongo.updateFirst(byId(id), new Update().unset("openEpisode"), Track.class);
			}
		});
	}

	/**
	 * Personal data goes (numbers on alert records, the ladder, the track, the free text a person
	 * wrote about naming an ally); ids-only records stay. Safe to repeat: an erasure cut short runs again.
	 */
	@EventListener
	void on(ParticipantErased erased) {
		String id = erased.participant().value();
		tracks.deleteById(id);
		ladders.deleteById(id);
		episodes.findByParticipantIdOrderByOpenedAtDesc(id).forEach(episode -> close(episode.id, "ERASED", false));
		alerts.findByParticipantIdOrderByAtDesc(id).forEach(alert -> alerts.save(alert.withoutPhone()));
		audit.eraseWhyAllyNamed(id, ConsentService.NAMED_AS_ALLY);
		if (!audit.has(id, "ERASED")) {
			audit.record(id, "ERASED", PARTICIPANT, "the participant's personal data was erased");
		}
	}

	@EventListener
	void on(ConsentChanged change) {
		audit.record(change.participant().value(), "CONSENT_" + change.change(),
				change.allyId() == null ? null : "ally:" + change.allyId(),
				change.why() + " (by " + change.by() + "; kinds " + change.kinds() + ")", change.entryId(),
				change.messageKey());
	}

	/**
	 * Crisis: the coach hears at once (the console), recorded here; allies only when their consent
	 * names crisis specifically, checked now.
	 */
	@EventListener
	void on(CrisisSignalled crisis) {
		String id = crisis.participant() == null ? null : crisis.participant().value();
		audit.record(id, "CRISIS", "coach",
				crisis.resourcesDelivered() ? "crisis language; resources sent; coach told at once"
						: "crisis language; resources not deliverable (opted out or refused); coach told at once",
				crisis.noticeId());
		if (crisis.participant() == null) {
			return;
		}
		ParticipantProfile participant = participants.find(crisis.participant()).orElse(null);
		if (participant == null) {
			return;
		}
		for (AllyView ally : consent.alliesWhoConsented(participant.id(), AlertKind.CRISIS)) {
			String key = crisis.noticeId() + "/ally:" + ally.id();
			AlertRecord record = new AlertRecord(key, "CRISIS", id, null, null, "ally:" + ally.id(), null, "SENDING",
					null, clock.instant(), null);
			try {
				mongo.insert(record);
			}
			catch (DuplicateKeyException ex) {
				continue;
			}
			String text = texts.render("crisis.ally", participant.language(),
					Map.of("ally", firstName(ally.name()), PARTICIPANT, participant.firstName()));
			SendResult sent = messenger.send(new OutboundMessage(ally.phone(), text, Purpose.CRISIS, key).about(id));
			alerts.save(record.sent(ally.phone(), sent.outcome().name(), sent.messageId()));
			audit.record(id, "ALERT", "ally:" + ally.id(), "crisis, covered by a crisis consent: " + sent.outcome(),
					key, sent.messageId());
		}
	}

	/**
	 * The console told staff of a crisis notice: one entry per person it tried, none when nobody
	 * at all could be reached.
	 */
	public void coachNoticeDelivered(String noticeId, ParticipantId participant, List<StaffReach> told) {
		String id = participant == null ? null : participant.value();
		if (told.stream().noneMatch(StaffReach::reached)) {
			audit.record(id, "COACH_NOTIFIED", "coach",
					"nobody could be reached by SMS or email: the notice waits in the attention list", noticeId);
		}
		for (StaffReach reached : told) {
			audit.record(id, "COACH_NOTIFIED", "coach:" + reached.username(), reached.describe("crisis notice"),
					noticeId, reached.sms() == null ? null : reached.sms().messageId());
		}
	}

	// --- the sweep

	/** One sweep: pauses that are over, consents to renew, and every escalation step that is due. */
	public int sweep() {
		participants.endDuePauses();
		consent.promptRenewals();
		return runDue();
	}

	/**
	 * Runs every episode with something due. Each is claimed by one atomic update that moves its
	 * next due time on by the claim period, so one node works on it at a time.
	 *
	 * @return how many episodes were worked on
	 */
	public int runDue() {
		int worked = 0;
		Episode claimed;
		while (worked < 10_000 && (claimed = claim(Query.query(Criteria.where("nextDueAt").lte(clock.instant())))) != null) {
			process(claimed);
			worked++;
		}
		return worked;
	}

	private void runDue(String episodeId) {
		Episode claimed = claim(Query.query(Criteria.where("_id").is(episodeId).and("nextDueAt").lte(clock.instant())));
		if (claimed != null) {
			process(claimed);
		}
	}

	private Episode claim(Query due) {
		return mongo.findAndModify(due,
				new Update().set("nextDueAt", clock.instant().plus(settings.claimFor())).inc("version", 1),
				FindAndModifyOptions.options().returnNew(true), Episode.class);
	}

	private void process(Episode episode) {
		for (int attempt = 1; attempt <= 5 && episode != null; attempt++) {
			advance(episode);
			try {
				episodes.save(episode);
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// Closed or acknowledged meanwhile: read it again; alerts already sent are not sent twice.
				episode = episodes.findById(episode.id).orElse(null);
			}
		}
	}

	private void advance(Episode episode) {
		Instant now = clock.instant();
		ParticipantProfile participant = participants.find(new ParticipantId(episode.participantId)).orElse(null);
		List<Instant> next = new ArrayList<>();
		if (participant == null) {
			episode.deliveries.forEach(d -> d.done = true);
			closeInMemory(episode, "ERASED", now);
			episode.nextDueAt = null;
			return;
		}
		if (episode.status == Episode.Status.OPEN && !participant.active()) {
			closeInMemory(episode, participant.status() == ParticipantStatus.PAUSED ? "PAUSED" : "OPTED_OUT", now);
		}
		if (episode.status == Episode.Status.OPEN) {
			Track track = tracks.findById(episode.participantId).orElse(null);
			for (int i = 0; i < episode.steps.size(); i++) {
				Episode.Step step = episode.steps.get(i);
				if (step.expanded || step.cancelled) {
					continue;
				}
				if (episode.stoppedByAcknowledgement(i, 0)) {
					step.cancelled = true;
					audit.record(episode.participantId, "STEP_STOPPED", episode.acknowledgedBy,
							"step " + i + " (" + step.name + ") stopped by an acknowledgement", episode.id);
					continue;
				}
				Instant due = episode.stepDue(step);
				if (step.audience == Audience.ALLIES) {
					Instant quietAt = quietAt(participant, track);
					if (quietAt != null && quietAt.isAfter(due)) {
						due = quietAt; // allies hear only once the participant counts as quiet
					}
				}
				if (due.isAfter(now)) {
					next.add(due);
					continue;
				}
				step.expanded = true;
				List<String> recipients = recipients(step.audience, participant);
				audit.record(episode.participantId, "STEP_DUE", step.audience.name().toLowerCase(Locale.ROOT),
						"step " + i + " (" + step.name + "): " + recipients.size() + " recipient(s)", episode.id);
				for (String recipient : recipients) {
					if (step.repeatMinutes == null && alreadyReached(episode, recipient)) {
						audit.record(episode.participantId, "ALERT_SKIPPED", recipient,
								"step " + i + ": already alerted in this episode", episode.id);
						continue;
					}
					episode.deliveries.add(delivery(episode, i, QUIET, step.audience, recipient, 0, now));
				}
			}
		}
		for (Episode.Delivery delivery : List.copyOf(episode.deliveries)) {
			if (delivery.done) {
				continue;
			}
			if (QUIET.equals(delivery.kind) && (episode.status == Episode.Status.CLOSED
					|| episode.stoppedByAcknowledgement(delivery.step, delivery.repeat))) {
				delivery.done = true;
				continue;
			}
			if (delivery.dueAt.isAfter(now)) {
				next.add(delivery.dueAt);
				continue;
			}
			Instant allowed = reach.nextAllowed(delivery.recipient, participant, now);
			if (allowed.isAfter(now)) {
				delivery.dueAt = allowed;
				next.add(allowed);
				continue;
			}
			boolean reached = deliver(episode, delivery, participant);
			delivery.done = true;
			Episode.Step step = QUIET.equals(delivery.kind) ? episode.steps.get(delivery.step) : null;
			if (reached && step != null && step.repeatMinutes != null && episode.status == Episode.Status.OPEN) {
				Episode.Delivery again = delivery(episode, delivery.step, QUIET, delivery.audience, delivery.recipient,
						delivery.repeat + 1, now.plus(Duration.ofMinutes(Math.max(1, step.repeatMinutes))));
				episode.deliveries.add(again);
				next.add(again.dueAt);
			}
		}
		episode.nextDueAt = next.stream().min(Comparator.naturalOrder()).orElse(null);
	}

	private static Episode.Delivery delivery(Episode episode, int step, String kind, Audience audience,
			String recipient, int repeat, Instant dueAt) {
		Episode.Delivery delivery = new Episode.Delivery();
		delivery.key = episode.id + "/" + (QUIET.equals(kind) ? String.valueOf(step) : "back") + "/" + recipient + "/"
				+ repeat;
		delivery.step = step;
		delivery.kind = kind;
		delivery.audience = audience;
		delivery.recipient = recipient;
		delivery.repeat = repeat;
		delivery.dueAt = dueAt;
		return delivery;
	}

	/** Sends one alert, once: its record is inserted under the delivery's key before it goes. */
	private boolean deliver(Episode episode, Episode.Delivery delivery, ParticipantProfile participant) {
		Instant now = clock.instant();
		String kind = BACK.equals(delivery.kind) ? BACK : delivery.audience == Audience.PARTICIPANT ? "NUDGE" : QUIET;
		AlertRecord record = new AlertRecord(delivery.key, kind, episode.participantId, episode.id,
				BACK.equals(delivery.kind) ? null : delivery.step, delivery.recipient, null, "SENDING", null, now, null);
		try {
			mongo.insert(record);
		}
		catch (DuplicateKeyException ex) {
			return alerts.findById(delivery.key).map(AlertRecord::reached).orElse(false);
		}
		String message = BACK.equals(delivery.kind) ? "back" : episode.steps.get(delivery.step).message;
		String day = episode.since.atZone(participant.zone())
			.getDayOfWeek()
			.getDisplayName(TextStyle.FULL, Locale.forLanguageTag(participant.language()));
		String reason = (BACK.equals(delivery.kind) ? "back in touch" : "step " + delivery.step) + ": ";
		SendResult sent;
		switch (delivery.audience) {
			case PARTICIPANT -> {
				String text = texts.render(message + ".participant", participant.language(),
						Map.of(PARTICIPANT, participant.firstName(), "day", day));
				sent = messenger.send(new OutboundMessage(participant.phone(), text, Purpose.NUDGE, delivery.key,
						now.plus(NUDGE_FRESH_FOR)));
				alerts.save(record.sent(participant.phone(), sent.outcome().name(), sent.messageId()));
			}
			case ALLIES -> {
				String allyId = delivery.recipient.substring("ally:".length());
				AlertKind covers = BACK.equals(delivery.kind) ? AlertKind.BACK_IN_TOUCH : AlertKind.MISSED_CHECK_INS;
				Optional<AllyView> ally = consent.consentHolds(allyId, covers) ? consent.ally(allyId) : Optional.empty();
				if (ally.isEmpty()) {
					alerts.save(record.sent(null, "NO_CONSENT", null));
					audit.record(episode.participantId, "ALERT", delivery.recipient,
							reason + "not sent: no active consent for " + covers + " at send time", delivery.key);
					log.info("Alert {} not sent: ally {} has no active consent for {}", delivery.key, allyId, covers);
					return false;
				}
				String text = texts.render(message + ".ally", participant.language(),
						Map.of("ally", firstName(ally.get().name()), PARTICIPANT, participant.firstName(), "day", day));
				sent = messenger.send(
						new OutboundMessage(ally.get().phone(), text, Purpose.ALERT, delivery.key).about(episode.participantId));
				alerts.save(record.sent(ally.get().phone(), sent.outcome().name(), sent.messageId()));
			}
			default -> {
				String coach = delivery.recipient.substring("coach:".length());
				String text = texts.render(message + ".coach", "en",
						Map.of(PARTICIPANT, participant.firstName(), "day",
								episode.since.atZone(participant.zone()).getDayOfWeek().getDisplayName(TextStyle.FULL,
										Locale.ENGLISH)));
				alerts.save(record.sent(null, "RAISED", null));
				audit.record(episode.participantId, "ALERT", delivery.recipient, reason + "raised to the coach",
						delivery.key);
				events.publishEvent(new CoachAlertRaised(delivery.key, participant.id(), coach, text, kind));
				return true;
			}
		}
		audit.record(episode.participantId, "ALERT", delivery.recipient, reason + sent.outcome(), delivery.key,
				sent.messageId());
		log.info("Alert {} to {}: {}", delivery.key, delivery.recipient.startsWith("ally:") ? "an ally" : "the participant",
				sent.outcome());
		return sent.sent();
	}

	/**
	 * The console delivered a coach alert, or found no way to reach the coach.
	 *
	 * @param phone where the SMS went, to match the coach's "OK" to it; null when none went
	 */
	public void coachAlertDelivered(String alertId, String phone, StaffReach reached) {
		String messageId = reached.sms() == null ? null : reached.sms().messageId();
		alerts.findById(alertId).ifPresent(record -> {
			alerts.save(record.sent(phone, reached.outcome(), messageId));
			audit.record(record.participantId(), "COACH_NOTIFIED", record.recipient(), reached.describe("alert"),
					alertId, messageId);
		});
	}

	private void close(String episodeId, String reason, boolean backInTouchNotes) {
		Instant now = clock.instant();
		Episode closed = mongo.findAndModify(
				Query.query(Criteria.where("_id").is(episodeId).and("status").is(Episode.Status.OPEN)),
				new Update().set("status", Episode.Status.CLOSED)
					.set("closedAt", now)
					.set("closeReason", reason)
					.inc("version", 1),
				FindAndModifyOptions.options().returnNew(true), Episode.class);
		if (closed == null) {
			return;
		}
		audit.record(closed.participantId, "EPISODE_CLOSED", PARTICIPANT, reason, closed.id);
		log.info("Escalation episode {} closed: {}", closed.id, reason);
		if (!backInTouchNotes) {
			return;
		}
		Set<String> told = new LinkedHashSet<>();
		alerts.findByEpisodeId(closed.id)
			.stream()
			.filter(alert -> QUIET.equals(alert.kind()) && alert.reached())
			.sorted(Comparator.comparing(AlertRecord::at))
			.forEach(alert -> told.add(alert.recipient()));
		if (told.isEmpty()) {
			return;
		}
		for (int attempt = 1; attempt <= 5; attempt++) {
			Episode episode = episodes.findById(closed.id).orElseThrow();
			for (String recipient : told) {
				episode.deliveries.add(delivery(episode, -1, BACK,
						recipient.startsWith("coach:") ? Audience.COACH : Audience.ALLIES, recipient, 0, now));
			}
			episode.nextDueAt = now;
			try {
				episodes.save(episode);
				break;
			}
			catch (OptimisticLockingFailureException ex) {
				// a sweep held it a moment: add the notes to its newer version
			}
		}
		runDue(closed.id);
	}

	private void closeInMemory(Episode episode, String reason, Instant now) {
		if (episode.status == Episode.Status.OPEN) {
			episode.status = Episode.Status.CLOSED;
			episode.closedAt = now;
			episode.closeReason = reason;
			audit.record(episode.participantId, "EPISODE_CLOSED", PARTICIPANT, reason, episode.id);
			mongo.updateFirst(Query.query(Criteria.where("_id").is(episode.participantId).and("openEpisode").is(episode.id)),
					new Update().unset("openEpisode"), Track.class);
		}
	}

	// --- acknowledgement

	/**
	 * Someone alerted texted OK: the ladder stops above the step that reached them.
	 *
	 * @return false when the number has no alert waiting for an acknowledgement
	 */
	boolean acknowledgeBySms(String from, String messageKey) {
		List<AlertRecord> waiting = alerts.findByPhoneAndAcknowledgedAtIsNull(from)
			.stream()
			.filter(alert -> QUIET.equals(alert.kind()) && alert.reached() && !alert.recipient().equals(PARTICIPANT))
			.filter(alert -> episodes.findById(alert.episodeId())
				.map(episode -> episode.status == Episode.Status.OPEN)
				.orElse(false))
			.sorted(Comparator.comparing(AlertRecord::at).reversed())
			.toList();
		if (waiting.isEmpty()) {
			return false;
		}
		AlertRecord newest = waiting.get(0);
		acknowledge(newest.episodeId(), newest.step(), newest.recipient(), messageKey);
		Instant now = clock.instant();
		waiting.stream()
			.filter(alert -> alert.episodeId().equals(newest.episodeId()))
			.forEach(alert -> alerts.save(alert.acknowledged(now)));
		String name = newest.recipient().startsWith("ally:")
				? consent.ally(newest.recipient().substring(5)).map(ally -> firstName(ally.name())).orElse("")
				: newest.recipient().substring("coach:".length());
		String language = participants.find(new ParticipantId(newest.participantId()))
			.map(ParticipantProfile::language)
			.orElse("en");
		messenger.send(new OutboundMessage(from, texts.render("acknowledged.reply", language, Map.of("ally", name)),
				Purpose.REPLY, messageKey));
		return true;
	}

	/**
	 * The coach acknowledges the participant's open episode (the console's button): everything
	 * above the highest step already taken stops.
	 *
	 * @return false when no episode is open
	 */
	public boolean acknowledge(ParticipantId participant, String coach) {
		String open = tracks.findById(participant.value()).map(track -> track.openEpisode).orElse(null);
		Episode episode = open == null ? null : episodes.findById(open).orElse(null);
		if (episode == null || episode.status != Episode.Status.OPEN) {
			return false;
		}
		int highest = -1;
		for (int i = 0; i < episode.steps.size(); i++) {
			if (episode.steps.get(i).expanded) {
				highest = i;
			}
		}
		acknowledge(episode.id, highest, "coach:" + coach, "api");
		return true;
	}

	private void acknowledge(String episodeId, int step, String by, String ref) {
		for (int attempt = 1; attempt <= 5; attempt++) {
			Episode episode = episodes.findById(episodeId).orElse(null);
			if (episode == null || episode.status != Episode.Status.OPEN) {
				return;
			}
			if (episode.acknowledgedStep != null && episode.acknowledgedStep >= step) {
				return;
			}
			episode.acknowledgedStep = step;
			episode.acknowledgedBy = by;
			episode.acknowledgedAt = clock.instant();
			try {
				episodes.save(episode);
				audit.record(episode.participantId, "ACKNOWLEDGED", by, "the ladder stops above step " + step,
						episode.id, ref);
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// changed meanwhile: read it again
			}
		}
	}

	// --- reading and configuring

	public ResponsivenessView responsiveness(ParticipantId id) {
		ParticipantProfile participant = participants.find(id).orElseThrow();
		Track track = tracks.findById(id.value()).orElse(null);
		Episode open = track == null || track.openEpisode == null ? null
				: episodes.findById(track.openEpisode).orElse(null);
		return new ResponsivenessView(id, state(participant, track, clock.instant()),
				track == null ? null : track.lastSignOfLife, track == null ? 0 : track.missedInARow,
				track == null ? null : track.lateSince, open == null ? null : open.id,
				open == null ? null : open.acknowledgedStep, open == null ? null : open.acknowledgedBy,
				open == null ? null : open.acknowledgedAt, ladder(id));
	}

	static Responsiveness state(ParticipantProfile participant, Track track, Instant now) {
		if (participant.status() == ParticipantStatus.OPTED_OUT) {
			return Responsiveness.OPTED_OUT;
		}
		if (participant.status() == ParticipantStatus.PAUSED) {
			return Responsiveness.PAUSED;
		}
		if (track == null || track.lastSignOfLife == null && track.lastMissedAt == null) {
			return Responsiveness.NEW;
		}
		if (track.missedInARow == 0 || track.lateSince == null) {
			return Responsiveness.ON_TIME;
		}
		Instant quietAt = quietAt(participant, track);
		return quietAt != null && !now.isBefore(quietAt) ? Responsiveness.QUIET : Responsiveness.LATE;
	}

	/** When a late participant counts as quiet: past the grace period, or at once after enough misses. */
	private static Instant quietAt(ParticipantProfile participant, Track track) {
		if (track == null || track.lateSince == null) {
			return null;
		}
		if (track.missedInARow >= participant.responsiveness().missedToQuiet()) {
			return track.lateSince;
		}
		return track.lateSince.plus(participant.responsiveness().gracePeriod());
	}

	public List<LadderStep> ladder(ParticipantId participant) {
		return ladders.findById(participant.value())
			.map(ladder -> ladder.steps().stream().map(EscalationService::step).toList())
			.orElse(settings.defaultLadder());
	}

	/**
	 * Sets the participant's own ladder (empty: back to the default). Episodes already open keep
	 * the ladder they started with.
	 *
	 * @throws InvalidInput naming each step that cannot be used
	 */
	public List<LadderStep> setLadder(ParticipantId participant, List<LadderStep> steps) {
		if (steps == null || steps.isEmpty()) {
			ladders.deleteById(participant.value());
			return settings.defaultLadder();
		}
		if (steps.size() > LadderStep.MOST) {
			throw InvalidInput.of("steps", "has " + steps.size() + " steps: at most " + LadderStep.MOST
					+ ", e.g. a nudge, the coach, then allies");
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			LadderStep step = steps.get(i);
			String at = "steps[" + i + "]";
			if (step == null) {
				problems.add(new FieldProblem(at, "is empty: send a step such as {\"name\":\"nudge\",\"delay\":\"PT2H\","
						+ "\"audience\":\"PARTICIPANT\",\"message\":\"nudge\"}"));
				continue;
			}
			problems.addAll(Inputs.problems(at + ".", step));
			if (step.delay() == null || step.delay().isNegative() || step.delay().compareTo(Duration.ofDays(30)) > 0) {
				problems.add(new FieldProblem(at + ".delay", "must be between PT0H and P30D, e.g. PT2H"));
			}
			if (step.audience() == null) {
				problems.add(new FieldProblem(at + ".audience", "is required: PARTICIPANT, COACH or ALLIES"));
			}
			else if (step.message() == null || !texts.has(step.message() + "." + suffix(step.audience()))) {
				problems.add(new FieldProblem(at + ".message",
						"'" + step.message() + "' has no text for " + step.audience()
								+ " in alerts/alerts_en.properties: use e.g. nudge (participant), quiet or gentle"));
			}
			if (step.repeatEvery() != null && step.repeatEvery().compareTo(Duration.ofHours(1)) < 0) {
				problems.add(new FieldProblem(at + ".repeatEvery", "must be at least PT1H, or left out for no repeat"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		ladders.save(new Ladders.Ladder(participant.value(),
				steps.stream().map(step -> Episode.Step.of(new LadderStep(step.name() == null ? "step" : step.name(),
						step.delay(), step.audience(), step.message(), step.repeatEvery()))).toList()));
		audit.record(participant.value(), "LADDER_SET", "coach", steps.size() + " step(s)");
		return ladder(participant);
	}

	/** The organisation's quiet hours: an ally's or a staff member's when they have none of their own. */
	public org.reconnect.participants.QuietHours organisationQuietHours() {
		return reach.organisation();
	}

	public List<AuditView> audit(ParticipantId participant) {
		return auditLog.findByParticipantIdOrderByAtAscIdAsc(participant.value()).stream().map(AuditEntry::view).toList();
	}

	/** Everything held here about the participant, for a data export. */
	public EscalationRecords records(ParticipantId participant) {
		ResponsivenessView responsiveness = participants.find(participant).map(p -> responsiveness(participant)).orElse(null);
		List<EpisodeView> episodeViews = episodes.findByParticipantIdOrderByOpenedAtDesc(participant.value())
			.stream()
			.map(EscalationService::view)
			.toList();
		List<AttentionItem> alertItems = alerts.findByParticipantIdOrderByAtDesc(participant.value())
			.stream()
			.map(EscalationService::item)
			.toList();
		return new EscalationRecords(responsiveness, episodeViews, alertItems, audit(participant));
	}

	/** Alerts, acknowledgements and crisis notices, newest first. */
	public List<AttentionItem> attention() {
		return Stream
			.concat(alerts.findAllByOrderByAtDesc().stream().map(EscalationService::item),
					notices.findAllByOrderByAtDesc()
						.stream()
						.map(EscalationService::item))
			.sorted(Comparator.comparing(AttentionItem::at).reversed())
			.toList();
	}

	/**
	 * What still waits for the participant's coach: the alerts of their open escalation episode
	 * while nobody has acknowledged it, and crisis and handover notices nobody has acknowledged; newest first.
	 */
	public List<AttentionItem> openAttention(ParticipantId participant) {
		String id = participant.value();
		String open = tracks.findById(id).map(track -> track.openEpisode).orElse(null);
		Episode episode = open == null ? null : episodes.findById(open).orElse(null);
		Stream<AttentionItem> ladder = episode == null || episode.status != Episode.Status.OPEN
				|| episode.acknowledgedAt != null ? Stream.empty()
						: alerts.findByEpisodeId(episode.id).stream().map(EscalationService::item);
		Stream<AttentionItem> crises = notices.findByParticipantIdAndAcknowledgedAtIsNull(id)
			.stream()
			.map(EscalationService::item);
		return Stream.concat(crises, ladder).sorted(Comparator.comparing(AttentionItem::at).reversed()).toList();
	}

	/**
	 * Crisis notices from numbers nobody has enrolled (so in no coach's caseload) that nobody has
	 * acknowledged yet; newest first. Each carries the sender's number masked, never whole.
	 */
	public List<AttentionItem> openUnenrolledNotices() {
		return notices.findByParticipantIdIsNullAndAcknowledgedAtIsNullOrderByAtDesc()
			.stream()
			.map(EscalationService::item)
			.toList();
	}

	/** A crisis or handover notice, open or acknowledged. */
	public Optional<AttentionItem> notice(String noticeId) {
		return notices.findById(noticeId).map(EscalationService::item);
	}

	/**
	 * The coach has a crisis or handover notice in hand (the console's button).
	 *
	 * @return false when there is no such notice for the participant, or it was already acknowledged
	 */
	public boolean acknowledgeNotice(ParticipantId participant, String noticeId, String coach) {
		CoachNotice notice = notices.findById(noticeId).orElse(null);
		return notice != null && participant.value().equals(notice.participantId()) && acknowledge(notice, coach);
	}

	/**
	 * The coach has a notice in hand, whoever it is about (the console decides who may: a notice from
	 * a number nobody has enrolled is for supervisors).
	 *
	 * @return false when there is no such notice, or it was already acknowledged
	 */
	public boolean acknowledgeNotice(String noticeId, String coach) {
		return notices.findById(noticeId).map(notice -> acknowledge(notice, coach)).orElse(false);
	}

	private boolean acknowledge(CoachNotice notice, String coach) {
		// one atomic update, so two coaches pressing the button at once acknowledge it once
		Query open = Query.query(Criteria.where("_id").is(notice.id()).and("acknowledgedAt").is(null));
		if (mongo.findAndModify(open, new Update().set("acknowledgedAt", clock.instant()), CoachNotice.class) == null) {
			return false;
		}
		audit.record(notice.participantId(), "ACKNOWLEDGED", "coach:" + coach,
				notice.kind().toLowerCase(Locale.ROOT) + " notice in hand", notice.id());
		return true;
	}

	// --- helpers

	private List<String> recipients(Audience audience, ParticipantProfile participant) {
		return switch (audience) {
			case PARTICIPANT -> List.of(PARTICIPANT);
			case COACH -> reach.coachStep(participant);
			case ALLIES -> consent.alliesWhoConsented(participant.id(), AlertKind.MISSED_CHECK_INS)
				.stream()
				.map(ally -> "ally:" + ally.id())
				.toList();
		};
	}

	private boolean alreadyReached(Episode episode, String recipient) {
		return alerts.findByEpisodeId(episode.id)
			.stream()
			.anyMatch(alert -> QUIET.equals(alert.kind()) || "NUDGE".equals(alert.kind())
					? alert.recipient().equals(recipient) && alert.reached() : false);
	}

	private void tell(ParticipantProfile participant, String key, Map<String, String> values, Purpose purpose) {
		Map<String, String> all = new java.util.HashMap<>(values);
		all.put(PARTICIPANT, participant.firstName());
		messenger.send(new OutboundMessage(participant.phone(), texts.render(key, participant.language(), all), purpose,
				participant.id().value()));
	}

	String text(String key, ParticipantProfile participant, Map<String, String> values) {
		Map<String, String> all = new java.util.HashMap<>(values);
		all.put(PARTICIPANT, participant.firstName());
		return texts.render(key, participant.language(), all);
	}

	private static String suffix(Audience audience) {
		return switch (audience) {
			case PARTICIPANT -> "participant";
			case COACH -> "coach";
			case ALLIES -> "ally";
		};
	}

	private static String firstName(String name) {
		return org.reconnect.system.Names.first(name);
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	private static LadderStep step(Episode.Step step) {
		return new LadderStep(step.name, Duration.ofMinutes(step.delayMinutes), step.audience, step.message,
				step.repeatMinutes == null ? null : Duration.ofMinutes(step.repeatMinutes));
	}

	private static EpisodeView view(Episode episode) {
		List<String> done = new ArrayList<>();
		episode.steps.forEach(step -> {
			if (step.expanded) {
				done.add(step.name);
			}
		});
		return new EpisodeView(episode.id, episode.status.name(), episode.openedAt, episode.since, episode.closedAt,
				episode.closeReason, episode.steps.stream().map(EscalationService::step).toList(), done,
				episode.acknowledgedStep, episode.acknowledgedBy, episode.acknowledgedAt, episode.nextDueAt);
	}

	private static AttentionItem item(CoachNotice notice) {
		return new AttentionItem(notice.id(), notice.kind(), notice.participantId(), null, null,
				notice.resourcesDelivered() ? "RESOURCES_SENT" : "RESOURCES_NOT_DELIVERED", notice.at(),
				notice.acknowledgedAt(), notice.maskedPhone());
	}

	private static AttentionItem item(AlertRecord alert) {
		return new AttentionItem(alert.id(), alert.kind(), alert.participantId(), alert.recipient(), alert.step(),
				alert.outcome(), alert.at(), alert.acknowledgedAt(), null);
	}
}
