package org.reconnect.participants;

import java.time.Clock;
import java.time.Instant;

import org.reconnect.system.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Pauses and their end (asked for, or due): each decided by one atomic update, so announced once across nodes. */
@Component
class ParticipantPauses {

	private static final Logger log = LoggerFactory.getLogger(ParticipantPauses.class);

	private final Participants participants;
	private final MongoTemplate mongo;
	private final ApplicationEventPublisher events;
	private final ParticipantSettings settings;
	private final Clock clock;

	ParticipantPauses(Participants participants, MongoTemplate mongo, ApplicationEventPublisher events,
			ParticipantSettings settings, Clock clock) {
		this.participants = participants;
		this.mongo = mongo;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	ParticipantProfile pause(ParticipantId id, Instant until, String by) {
		Instant now = clock.instant();
		if (until == null || !until.isAfter(now)) {
			throw InvalidInput.of("until", "problem.pause.past");
		}
		if (until.isAfter(now.plus(settings.longestPause()))) {
			throw InvalidInput.of("until", "problem.pause.too-long", settings.longestPause().toDays());
		}
		// One atomic update decides: of requests at the same moment (a double click, a retry) only the
		// one that changed something pauses and is announced; the same pause again is no news.
		Participant paused = mongo.findAndModify(Participant.pausable(id.value(), until), Participant.pause(until),
				FindAndModifyOptions.options().returnNew(true), Participant.class);
		if (paused == null) {
			Participant participant = participants.findById(id.value()).orElseThrow();
			if (participant.optedOut()) {
				throw InvalidInput.of("status", "problem.pause.opted-out");
			}
			return profile(participant);
		}
		log.info("Participant {} paused until {} by {}", id, until, by.startsWith("coach:") ? "their coach" : by);
		events.publishEvent(new ParticipantPaused(id, until, by));
		return profile(paused);
	}

	/**
	 * A pause with no end (they said no to daily check-ins): only someone active is paused so, and
	 * only the request that changed something is announced.
	 */
	boolean pauseUntilResumed(ParticipantId id, String by) {
		if (mongo.findAndModify(Participant.pausableUntilResumed(id.value()), Participant.pauseUntilResumed(),
				Participant.class) == null) {
			return false;
		}
		log.info("Participant {} paused until they resume, by {}", id, by.startsWith("coach:") ? "their coach" : by);
		events.publishEvent(new ParticipantPaused(id, null, by));
		return true;
	}

	boolean resume(ParticipantId id, String by) {
		if (mongo.findAndModify(Participant.resumable(id.value()), Participant.resume(), Participant.class) == null) {
			return false;
		}
		log.info("Participant {} resumed", id);
		events.publishEvent(new ParticipantResumed(id, by));
		return true;
	}

	int endDuePauses() {
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

	private ParticipantProfile profile(Participant participant) {
		return participant.profile(settings.responsiveness());
	}
}
