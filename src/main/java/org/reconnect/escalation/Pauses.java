package org.reconnect.escalation;

import static org.reconnect.escalation.EscalationService.PARTICIPANT;
import static org.reconnect.escalation.EscalationService.byId;

import java.util.Map;

import org.reconnect.flows.CheckInsDeclined;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OptOutChanged;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.messaging.Purpose;
import org.reconnect.participants.ParticipantPaused;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantResumed;
import org.reconnect.participants.ParticipantService;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A participant stepping away: a pause (by text or by their coach), its end, and STOP or START.
 * Each stops the ladder and is recorded; the participant hears of a pause their coach set and of
 * a pause that ended.
 */
@Component
class Pauses {

	private final ParticipantService participants;
	private final Tracks tracks;
	private final EscalationLadder ladder;
	private final Messenger messenger;
	private final AlertTexts texts;
	private final Audit audit;
	private final MongoTemplate mongo;

	Pauses(ParticipantService participants, Tracks tracks, EscalationLadder ladder, Messenger messenger,
			AlertTexts texts, Audit audit, MongoTemplate mongo) {
		this.participants = participants;
		this.tracks = tracks;
		this.ladder = ladder;
		this.messenger = messenger;
		this.texts = texts;
		this.audit = audit;
		this.mongo = mongo;
	}

	@EventListener
	void on(ParticipantPaused paused) {
		String id = paused.participant().value();
		audit.record(id, AuditKind.PAUSED, paused.by().startsWith("coach:") ? paused.by() : PARTICIPANT,
				paused.until() == null ? "paused until they resume" : "paused until " + paused.until());
		// A participant who texts PAUSE is in touch: those alerted hear so, as their consent allows.
		boolean theyWrote = !paused.by().startsWith("coach:");
		tracks.findById(id).map(track -> track.openEpisode).ifPresent(open -> ladder.close(open, "PAUSED", theyWrote));
		mongo.updateFirst(byId(id), new Update().unset("openEpisode").set("missedInARow", 0).unset("lateSince"),
				Track.class);
		if (paused.by().startsWith("coach:") && paused.until() != null) {
			participants.find(paused.participant()).ifPresent(participant -> tell(participant, "pause.by-coach",
					Map.of("date", texts.date(paused.until(), participant)), Purpose.NOTICE));
		}
	}

	/**
	 * The participant said no to daily check-ins (onboarding): they stop, as a pause with no end, and
	 * their coach sees them paused; START or RESUME brings them back. The flow itself answers them.
	 */
	@EventListener
	void on(CheckInsDeclined declined) {
		participants.pauseUntilResumed(declined.participant(), PARTICIPANT);
	}

	/** A pause ended, asked for or on time: a kind word, and check-ins start again. */
	@EventListener
	void on(ParticipantResumed resumed) {
		audit.record(resumed.participant().value(), AuditKind.RESUMED, resumed.by(), "the pause ended");
		participants.find(resumed.participant())
			.ifPresent(participant -> tell(participant, "pause.ended",
					Map.of("time", participant.checkInTime().toString()), Purpose.NOTICE));
	}

	@EventListener
	void on(OptOutChanged change) {
		participants.findByPhone(change.phone()).ifPresent(participant -> {
			String id = participant.id().value();
			audit.record(id, change.optedOut() ? AuditKind.OPTED_OUT : AuditKind.OPTED_IN, PARTICIPANT,
					change.optedOut() ? "texted STOP" : "texted START");
			if (change.optedOut()) {
				tracks.findById(id).map(track -> track.openEpisode).ifPresent(open -> ladder.close(open, "OPTED_OUT", false));
				mongo.updateFirst(byId(id), new Update().unset("openEpisode"), Track.class);
			}
		});
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
}
