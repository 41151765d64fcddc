package org.reconnect.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.reconnect.consent.AlertKind;
import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentService;
import org.reconnect.escalation.EscalationService;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.messaging.SendResult;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.participants.QuietHours;
import org.reconnect.scheduling.TimedWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Sends the progress notes that are due, as part of scheduling's sweep: each claimed by one
 * conditional update (so one node sends it), then decided at that moment. The participant's
 * sentence waits for their quiet hours to end and for no conversation to be open; an ally's note
 * goes only if the participant still shares that milestone and the ally's consent covers PROGRESS
 * right now, and waits out the ally's own quiet hours. A note past its freshness is dropped.
 */
@Component
class ProgressDelivery implements TimedWork {

	private static final Logger log = LoggerFactory.getLogger(ProgressDelivery.class);

	/** Notes one sweep sends at most; the rest are due at the next. */
	private static final int PER_SWEEP = 500;

	private final MongoTemplate mongo;
	private final ParticipantService participants;
	private final ConsentService consent;
	private final EscalationService escalation;
	private final ConversationRuntime conversations;
	private final Messenger messenger;
	private final ProgressSharings sharing;
	private final ProgressTexts texts;
	private final ProgressSettings settings;
	private final Clock clock;

	ProgressDelivery(MongoTemplate mongo, ParticipantService participants, ConsentService consent,
			EscalationService escalation, ConversationRuntime conversations, Messenger messenger,
			ProgressSharings sharing, ProgressTexts texts, ProgressSettings settings, Clock clock) {
		this.mongo = mongo;
		this.participants = participants;
		this.consent = consent;
		this.escalation = escalation;
		this.conversations = conversations;
		this.messenger = messenger;
		this.sharing = sharing;
		this.texts = texts;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public int fireDue() {
		int handled = 0;
		ProgressNote note;
		while (handled < PER_SWEEP && (note = claim()) != null) {
			handled++;
			try {
				decide(note);
			}
			catch (RuntimeException ex) {
				// left claimed: recover() hands it back after the lease
				log.error("Progress note {} could not be handled", note.id(), ex);
			}
		}
		return handled;
	}

	/** A note claimed by a node that stopped: sent if the outbox has it, else due again. */
	@Override
	public int recover() {
		Instant now = clock.instant();
		Query stale = Query.query(Criteria.where("status").is(ProgressNote.SENDING)
			.and("claimedAt").lt(now.minus(settings.lease())));
		int recovered = 0;
		for (ProgressNote note : mongo.find(stale, ProgressNote.class)) {
			Query mine = Query.query(Criteria.where("_id").is(note.id()).and("status").is(ProgressNote.SENDING)
				.and("claimedAt").is(note.claimedAt()));
			boolean went = messenger.referenced(Set.of(note.id())).contains(note.id());
			Update update = went ? done(now, "SENT") : new Update().set("status", ProgressNote.PENDING).unset("claimedAt");
			recovered += (int) mongo.updateFirst(mine, update, ProgressNote.class).getModifiedCount();
		}
		return recovered;
	}

	private ProgressNote claim() {
		Instant now = clock.instant();
		Query due = Query.query(Criteria.where("status").is(ProgressNote.PENDING).and("dueAt").lte(now))
			.with(Sort.by("dueAt"));
		return mongo.findAndModify(due, new Update().set("status", ProgressNote.SENDING).set("claimedAt", now),
				FindAndModifyOptions.options().returnNew(true), ProgressNote.class);
	}

	private void decide(ProgressNote note) {
		Instant now = clock.instant();
		ParticipantProfile participant = participants.find(new ParticipantId(note.participantId())).orElse(null);
		if (participant == null) {
			finish(note, "GONE");
		}
		else if (now.isAfter(note.notAfter())) {
			finish(note, "STALE");
		}
		else if (note.allyId() == null) {
			toParticipant(note, participant, now);
		}
		else {
			toAlly(note, participant, now);
		}
	}

	private void toParticipant(ProgressNote note, ParticipantProfile participant, Instant now) {
		if (!participant.active()) {
			finish(note, "INACTIVE");
			return;
		}
		QuietHours quiet = participants.quietHoursOf(participant);
		if (quiet.contains(now, participant.zone())) {
			later(note, quiet.endAfter(now, participant.zone()));
			return;
		}
		if (conversations.open(participant.id()).isPresent()) {
			later(note, now.plus(settings.sayAfter())); // after the conversation, never in the middle of it
			return;
		}
		String text = texts.milestone(note, participant, settings.connectedWithin());
		SendResult sent = messenger.send(new OutboundMessage(participant.phone(), text, Purpose.NOTICE, note.id()));
		finish(note, sent.outcome().name());
	}

	private void toAlly(ProgressNote note, ParticipantProfile participant, Instant now) {
		if (!sharing.shares(participant.id(), note.kind())) {
			finish(note, "NOT_SHARED");
			return;
		}
		Optional<AllyView> ally = consent.consentHolds(note.allyId(), AlertKind.PROGRESS) ? consent.ally(note.allyId())
				: Optional.empty();
		if (ally.isEmpty()) {
			finish(note, "NO_CONSENT");
			log.info("Progress note {} not sent: the ally has no consent for PROGRESS now", note.id());
			return;
		}
		ZoneId zone = ally.get().zone() != null ? ally.get().zone() : participant.zone();
		QuietHours quiet = ally.get().quietHours() != null ? ally.get().quietHours() : escalation.organisationQuietHours();
		if (quiet.contains(now, zone)) {
			later(note, quiet.endAfter(now, zone));
			return;
		}
		String text = texts.allyNote(note, ally.get(), participant);
		SendResult sent = messenger.send(new OutboundMessage(ally.get().phone(), text, Purpose.NOTICE, note.id())
			.about(participant.id().value()));
		finish(note, sent.outcome().name());
	}

	private void later(ProgressNote note, Instant at) {
		mongo.updateFirst(mine(note), new Update().set("status", ProgressNote.PENDING).set("dueAt", at).unset("claimedAt"),
				ProgressNote.class);
	}

	private void finish(ProgressNote note, String outcome) {
		mongo.updateFirst(mine(note), done(clock.instant(), outcome), ProgressNote.class);
		log.info("Progress note {}: {}", note.id(), outcome);
	}

	private static Update done(Instant now, String outcome) {
		return new Update().set("status", ProgressNote.DONE).set("outcome", outcome).set("decidedAt", now)
			.unset("claimedAt");
	}

	/** The note while it is still this claim's. */
	private static Query mine(ProgressNote note) {
		return Query.query(Criteria.where("_id").is(note.id()).and("status").is(ProgressNote.SENDING)
			.and("claimedAt").is(note.claimedAt()));
	}
}
