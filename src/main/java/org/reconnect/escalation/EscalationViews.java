package org.reconnect.escalation;

import static org.reconnect.escalation.ResponsivenessTracker.state;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.stereotype.Component;

/**
 * What escalation shows: a participant's responsiveness, their episodes, alerts and audit trail,
 * and what waits for a coach.
 */
@Component
class EscalationViews {

	private final ParticipantService participants;
	private final Tracks tracks;
	private final Episodes episodes;
	private final AlertRecords alerts;
	private final CoachNotices notices;
	private final AuditLog auditLog;
	private final PersonalLadders personalLadders;
	private final Clock clock;

	EscalationViews(ParticipantService participants, Tracks tracks, Episodes episodes, AlertRecords alerts,
			CoachNotices notices, AuditLog auditLog, PersonalLadders personalLadders, Clock clock) {
		this.participants = participants;
		this.tracks = tracks;
		this.episodes = episodes;
		this.alerts = alerts;
		this.notices = notices;
		this.auditLog = auditLog;
		this.personalLadders = personalLadders;
		this.clock = clock;
	}

	ResponsivenessView responsiveness(ParticipantId id) {
		ParticipantProfile participant = participants.find(id).orElseThrow();
		Track track = tracks.findById(id.value()).orElse(null);
		Episode open = track == null || track.openEpisode == null ? null
				: episodes.findById(track.openEpisode).orElse(null);
		return new ResponsivenessView(id, state(participant, track, clock.instant()),
				track == null ? null : track.lastSignOfLife, track == null ? 0 : track.missedInARow,
				track == null ? null : track.lateSince, open == null ? null : open.id,
				open == null ? null : open.acknowledgedStep, open == null ? null : open.acknowledgedBy,
				open == null ? null : open.acknowledgedAt, personalLadders.ladder(id));
	}

	List<AuditView> audit(ParticipantId participant) {
		return auditLog.findByParticipantIdOrderByAtAscIdAsc(participant.value()).stream().map(AuditEntry::view).toList();
	}

	/** Everything held here about the participant, for a data export. */
	EscalationRecords records(ParticipantId participant) {
		ResponsivenessView responsiveness = participants.find(participant).map(p -> responsiveness(participant)).orElse(null);
		List<EpisodeView> episodeViews = episodes.findByParticipantIdOrderByOpenedAtDesc(participant.value())
			.stream()
			.map(EscalationViews::view)
			.toList();
		List<AttentionItem> alertItems = alerts.findByParticipantIdOrderByAtDesc(participant.value())
			.stream()
			.map(EscalationViews::item)
			.toList();
		return new EscalationRecords(responsiveness, episodeViews, alertItems, audit(participant));
	}

	/** Alerts, acknowledgements and crisis notices, newest first. */
	List<AttentionItem> attention() {
		return Stream
			.concat(alerts.findAllByOrderByAtDesc().stream().map(EscalationViews::item),
					notices.findAllByOrderByAtDesc()
						.stream()
						.map(EscalationViews::item))
			.sorted(Comparator.comparing(AttentionItem::at).reversed())
			.toList();
	}

	/**
	 * What still waits for the participant's coach: the alerts of their open escalation episode
	 * while nobody has acknowledged it, and crisis and handover notices nobody has acknowledged; newest first.
	 */
	List<AttentionItem> openAttention(ParticipantId participant) {
		String id = participant.value();
		String open = tracks.findById(id).map(track -> track.openEpisode).orElse(null);
		Episode episode = open == null ? null : episodes.findById(open).orElse(null);
		Stream<AttentionItem> ladder = episode == null || episode.status != Episode.Status.OPEN
				|| episode.acknowledgedAt != null ? Stream.empty()
						: alerts.findByEpisodeId(episode.id).stream().map(EscalationViews::item);
		Stream<AttentionItem> crises = notices.findByParticipantIdAndAcknowledgedAtIsNull(id)
			.stream()
			.map(EscalationViews::item);
		return Stream.concat(crises, ladder).sorted(Comparator.comparing(AttentionItem::at).reversed()).toList();
	}

	/**
	 * Crisis notices from numbers nobody has enrolled (so in no coach's caseload) that nobody has
	 * acknowledged yet; newest first. Each carries the sender's number masked, never whole.
	 */
	List<AttentionItem> openUnenrolledNotices() {
		return notices.findByParticipantIdIsNullAndAcknowledgedAtIsNullOrderByAtDesc()
			.stream()
			.map(EscalationViews::item)
			.toList();
	}

	/** A crisis or handover notice, open or acknowledged. */
	Optional<AttentionItem> notice(String noticeId) {
		return notices.findById(noticeId).map(EscalationViews::item);
	}

	private static EpisodeView view(Episode episode) {
		List<String> done = new ArrayList<>();
		episode.steps.forEach(step -> {
			if (step.expanded) {
				done.add(step.name);
			}
		});
		return new EpisodeView(episode.id, episode.status.name(), episode.openedAt, episode.since, episode.closedAt,
				episode.closeReason, episode.steps.stream().map(PersonalLadders::step).toList(), done,
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
