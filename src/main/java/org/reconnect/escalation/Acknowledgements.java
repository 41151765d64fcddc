package org.reconnect.escalation;

import static org.reconnect.escalation.EscalationService.PARTICIPANT;
import static org.reconnect.escalation.EscalationService.QUIET;
import static org.reconnect.escalation.EscalationService.firstName;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentService;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Acknowledgement: someone alerted texts OK, or the coach presses the button, and the ladder stops
 * above the step that reached them; a crisis or handover notice taken in hand.
 */
@Component
class Acknowledgements {

	/** How long after an episode closed a late OK is still thanked (then it is an ordinary text). */
	static final Duration LATE_THANKS_WITHIN = Duration.ofDays(3);

	private final ParticipantService participants;
	private final ConsentService consent;
	private final Messenger messenger;
	private final AlertRecords alerts;
	private final CoachNotices notices;
	private final Episodes episodes;
	private final Tracks tracks;
	private final AlertTexts texts;
	private final Audit audit;
	private final MongoTemplate mongo;
	private final Clock clock;

	Acknowledgements(ParticipantService participants, ConsentService consent, Messenger messenger,
			AlertRecords alerts, CoachNotices notices, Episodes episodes, Tracks tracks, AlertTexts texts, Audit audit,
			MongoTemplate mongo, Clock clock) {
		this.participants = participants;
		this.consent = consent;
		this.messenger = messenger;
		this.alerts = alerts;
		this.notices = notices;
		this.episodes = episodes;
		this.tracks = tracks;
		this.texts = texts;
		this.audit = audit;
		this.mongo = mongo;
		this.clock = clock;
	}

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
		thank(newest, "acknowledged.reply", messageKey);
		return true;
	}

	/**
	 * An OK that came after the episode closed (the participant wrote again), within
	 * {@link #LATE_THANKS_WITHIN}: a short thanks, once per alert, and nothing more is said. The
	 * alert is marked acknowledged in one atomic update, so a repeat (or an auto-reply) is not thanked again.
	 *
	 * @return false when no alert to this number, in an episode closed that recently, awaits it
	 */
	boolean thankLate(String from, String messageKey) {
		Instant now = clock.instant();
		Optional<AlertRecord> late = alerts.findByPhoneAndAcknowledgedAtIsNull(from)
			.stream()
			.filter(alert -> QUIET.equals(alert.kind()) && alert.reached() && !alert.recipient().equals(PARTICIPANT))
			.filter(alert -> episodes.findById(alert.episodeId())
				.map(episode -> episode.status == Episode.Status.CLOSED && episode.closedAt != null
						&& !episode.closedAt.isBefore(now.minus(LATE_THANKS_WITHIN)))
				.orElse(false))
			.max(Comparator.comparing(AlertRecord::at));
		if (late.isEmpty()) {
			return false;
		}
		AlertRecord alert = late.get();
		Query unthanked = Query.query(Criteria.where("_id").is(alert.id()).and("acknowledgedAt").is(null));
		if (mongo.findAndModify(unthanked, new Update().set("acknowledgedAt", now), AlertRecord.class) == null) {
			return false;
		}
		audit.record(alert.participantId(), AuditKind.ACKNOWLEDGED, alert.recipient(), "acknowledged after the episode closed",
				alert.episodeId(), messageKey);
		thank(alert, "acknowledged.late", messageKey);
		return true;
	}

	/** Thanks the person an alert reached: an ally in their own language (else the participant's), a coach in the staff's base texts. */
	private void thank(AlertRecord alert, String key, String messageKey) {
		boolean ally = alert.recipient().startsWith("ally:");
		Optional<AllyView> view = ally ? consent.ally(alert.recipient().substring(5)) : Optional.empty();
		String name = ally ? view.map(a -> firstName(a.name())).orElse("")
				: alert.recipient().substring("coach:".length());
		String language = ally
				? participants.find(new ParticipantId(alert.participantId()))
					.map(participant -> view.map(a -> AlertTexts.language(a, participant)).orElse(participant.language()))
					.orElse(null)
				: null;
		messenger.send(new OutboundMessage(alert.phone(), texts.render(key, language, Map.of("ally", name)), Purpose.REPLY,
				messageKey));
	}

	/**
	 * The coach acknowledges the participant's open episode (the console's button): everything
	 * above the highest step already taken stops.
	 *
	 * @return false when no episode is open
	 */
	boolean acknowledge(ParticipantId participant, String coach) {
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

	void acknowledge(String episodeId, int step, String by, String ref) {
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
				audit.record(episode.participantId, AuditKind.ACKNOWLEDGED, by, "the ladder stops above step " + step,
						episode.id, ref);
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// changed meanwhile: read it again
			}
		}
	}

	/**
	 * The coach has a crisis or handover notice in hand (the console's button).
	 *
	 * @return false when there is no such notice for the participant, or it was already acknowledged
	 */
	boolean acknowledgeNotice(ParticipantId participant, String noticeId, String coach) {
		CoachNotice notice = notices.findById(noticeId).orElse(null);
		return notice != null && participant.value().equals(notice.participantId()) && acknowledge(notice, coach);
	}

	/**
	 * The coach has a notice in hand, whoever it is about (the console decides who may: a notice from
	 * a number nobody has enrolled is for supervisors).
	 *
	 * @return false when there is no such notice, or it was already acknowledged
	 */
	boolean acknowledgeNotice(String noticeId, String coach) {
		return notices.findById(noticeId).map(notice -> acknowledge(notice, coach)).orElse(false);
	}

	boolean acknowledge(CoachNotice notice, String coach) {
		// one atomic update, so two coaches pressing the button at once acknowledge it once
		Query open = Query.query(Criteria.where("_id").is(notice.id()).and("acknowledgedAt").is(null));
		if (mongo.findAndModify(open, new Update().set("acknowledgedAt", clock.instant()), CoachNotice.class) == null) {
			return false;
		}
		audit.record(notice.participantId(), AuditKind.ACKNOWLEDGED, "coach:" + coach,
				notice.kind().toLowerCase(Locale.ROOT) + " notice in hand", notice.id());
		return true;
	}
}
