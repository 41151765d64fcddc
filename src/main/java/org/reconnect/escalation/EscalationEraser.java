package org.reconnect.escalation;

import static org.reconnect.escalation.EscalationService.PARTICIPANT;

import org.reconnect.consent.ConsentService;
import org.reconnect.participants.ParticipantErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Erases what escalation holds of a participant's personal data when they are erased.
 */
@Component
class EscalationEraser {

	private final Tracks tracks;
	private final Ladders ladders;
	private final Episodes episodes;
	private final AlertRecords alerts;
	private final EscalationLadder ladder;
	private final Audit audit;

	EscalationEraser(Tracks tracks, Ladders ladders, Episodes episodes, AlertRecords alerts,
			EscalationLadder ladder, Audit audit) {
		this.tracks = tracks;
		this.ladders = ladders;
		this.episodes = episodes;
		this.alerts = alerts;
		this.ladder = ladder;
		this.audit = audit;
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
		episodes.findByParticipantIdOrderByOpenedAtDesc(id).forEach(episode -> ladder.close(episode.id, "ERASED", false));
		alerts.findByParticipantIdOrderByAtDesc(id).forEach(alert -> alerts.save(alert.withoutPhone()));
		audit.eraseWhyAllyNamed(id, ConsentService.NAMED_AS_ALLY);
		if (!audit.has(id, AuditKind.ERASED)) {
			audit.record(id, AuditKind.ERASED, PARTICIPANT, "the participant's personal data was erased");
		}
	}
}
