package org.reconnect.escalation;

import static org.reconnect.escalation.EscalationService.BACK;
import static org.reconnect.escalation.EscalationService.PARTICIPANT;
import static org.reconnect.escalation.EscalationService.QUIET;
import static org.reconnect.escalation.ResponsivenessTracker.quietAt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.reconnect.consent.AlertKind;
import org.reconnect.consent.ConsentService;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.participants.ParticipantStatus;
import org.reconnect.system.handoff.ClaimEach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The ladder: runs each open episode's steps as they fall due (nudge, coach, allies by default),
 * waiting out each recipient's quiet hours and stopping above an acknowledged step; closes an
 * episode, then tells those alerted that the participant is back, as their consent allows.
 */
@Component
class EscalationLadder {

	private static final Logger log = LoggerFactory.getLogger(EscalationLadder.class);

	private final ParticipantService participants;
	private final ConsentService consent;
	private final Episodes episodes;
	private final Tracks tracks;
	private final AlertRecords alerts;
	private final AlertRecipients reach;
	private final AlertDelivery sender;
	private final Audit audit;
	private final EscalationSettings settings;
	private final MongoTemplate mongo;
	private final Clock clock;

	EscalationLadder(ParticipantService participants, ConsentService consent, Episodes episodes, Tracks tracks,
			AlertRecords alerts, AlertRecipients reach, AlertDelivery sender, Audit audit, EscalationSettings settings,
			MongoTemplate mongo, Clock clock) {
		this.participants = participants;
		this.consent = consent;
		this.episodes = episodes;
		this.tracks = tracks;
		this.alerts = alerts;
		this.reach = reach;
		this.sender = sender;
		this.audit = audit;
		this.settings = settings;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Runs every episode with something due. Each is claimed by one atomic update that moves its
	 * next due time on by the claim period, so one node works on it at a time.
	 *
	 * @return how many episodes were worked on
	 */
	int runDue() {
		return ClaimEach.claimEach(mongo, Episode.class, Criteria.where("nextDueAt").lte(clock.instant()), this::claimUpdate,
				10_000, claimed -> {
					process(claimed);
					return true;
				});
	}

	void runDue(String episodeId) {
		Episode claimed = claim(Query.query(Criteria.where("_id").is(episodeId).and("nextDueAt").lte(clock.instant())));
		if (claimed != null) {
			process(claimed);
		}
	}

	private Episode claim(Query due) {
		return mongo.findAndModify(due, claimUpdate(), FindAndModifyOptions.options().returnNew(true), Episode.class);
	}

	/** Moves an episode's next due time on by the claim period: one node works on it meanwhile. */
	private Update claimUpdate() {
		return new Update().set("nextDueAt", clock.instant().plus(settings.claimFor())).inc("version", 1);
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
					audit.record(episode.participantId, AuditKind.STEP_STOPPED, episode.acknowledgedBy,
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
				audit.record(episode.participantId, AuditKind.STEP_DUE, step.audience.name().toLowerCase(Locale.ROOT),
						"step " + i + " (" + step.name + "): " + recipients.size() + " recipient(s)", episode.id);
				for (String recipient : recipients) {
					if (step.repeatMinutes == null && alreadyReached(episode, recipient)) {
						audit.record(episode.participantId, AuditKind.ALERT_SKIPPED, recipient,
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
			boolean reached = sender.deliver(episode, delivery, participant);
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

	void close(String episodeId, String reason, boolean backInTouchNotes) {
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
		audit.record(closed.participantId, AuditKind.EPISODE_CLOSED, PARTICIPANT, reason, closed.id);
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
			audit.record(episode.participantId, AuditKind.EPISODE_CLOSED, PARTICIPANT, reason, episode.id);
			mongo.updateFirst(Query.query(Criteria.where("_id").is(episode.participantId).and("openEpisode").is(episode.id)),
					new Update().unset("openEpisode"), Track.class);
		}
	}

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
}
