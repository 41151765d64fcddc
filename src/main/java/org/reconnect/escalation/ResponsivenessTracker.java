package org.reconnect.escalation;

import static org.reconnect.escalation.EscalationService.PARTICIPANT;
import static org.reconnect.escalation.EscalationService.byId;

import java.time.Clock;
import java.time.Instant;

import org.bson.types.ObjectId;
import org.reconnect.flows.CheckInAnswered;
import org.reconnect.flows.CheckInMissed;
import org.reconnect.messaging.MessageReceived;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.participants.ParticipantStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Responsiveness: what was expected of the participant and what they did. A missed check-in
 * makes them late and opens an episode of the ladder; a sign of life (an answer, or any message
 * when their coach counts those) puts them back on time and closes it.
 */
@Component
class ResponsivenessTracker {

	private static final Logger log = LoggerFactory.getLogger(ResponsivenessTracker.class);

	private final ParticipantService participants;
	private final Episodes episodes;
	private final EscalationLadder ladder;
	private final PersonalLadders personalLadders;
	private final Audit audit;
	private final MongoTemplate mongo;
	private final Clock clock;

	ResponsivenessTracker(ParticipantService participants, Episodes episodes, EscalationLadder ladder,
			PersonalLadders personalLadders, Audit audit, MongoTemplate mongo, Clock clock) {
		this.participants = participants;
		this.episodes = episodes;
		this.ladder = ladder;
		this.personalLadders = personalLadders;
		this.audit = audit;
		this.mongo = mongo;
		this.clock = clock;
	}

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
		audit.record(id, AuditKind.CHECK_IN_MISSED, PARTICIPANT, "a delivered check-in went unanswered past its deadline",
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
		Episode episode = episodes.save(Episode.open(episodeId, id, now, since, personalLadders.ladder(participant.id())));
		audit.record(id, AuditKind.EPISODE_OPENED, PARTICIPANT, "the first missed check-in since the last sign of life",
				episode.id, missed.conversation());
		log.info("Escalation episode {} opened for participant {}", episode.id, id);
		ladder.runDue(episode.id);
	}

	@EventListener
	void on(CheckInAnswered answered) {
		participants.find(answered.participant())
			.ifPresent(participant -> signOfLife(participant, "answered a check-in", answered.conversation()));
	}

	/**
	 * Any message from a participant is a sign of life, unless their coach counts only answers. The
	 * sender is as the inbound pipeline found them: an inbound message never changes how their
	 * coach counts.
	 */
	@EventListener
	void on(MessageReceived received) {
		if (received.sender() instanceof ParticipantProfile participant
				&& participant.responsiveness().anyMessageCounts()) {
			signOfLife(participant, "wrote a message", received.key());
		}
	}

	private void signOfLife(ParticipantProfile participant, String reason, String ref) {
		String id = participant.id().value();
		Instant now = clock.instant();
		Track before = mongo.findAndModify(byId(id),
				new Update().set("lastSignOfLife", now).set("missedInARow", 0).unset("lateSince").unset("openEpisode"),
				FindAndModifyOptions.options().upsert(true).returnNew(false), Track.class);
		if (before != null && before.openEpisode != null) {
			audit.record(id, AuditKind.SIGN_OF_LIFE, PARTICIPANT, reason, ref);
			ladder.close(before.openEpisode, "BACK_IN_TOUCH", true);
		}
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
	static Instant quietAt(ParticipantProfile participant, Track track) {
		if (track == null || track.lateSince == null) {
			return null;
		}
		if (track.missedInARow >= participant.responsiveness().missedToQuiet()) {
			return track.lateSince;
		}
		return track.lateSince.plus(participant.responsiveness().gracePeriod());
	}
}
