package org.reconnect.console;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.reconnect.consent.ConsentService;
import org.reconnect.escalation.EscalationService;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.Messenger;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.scheduling.CheckInSlots;
import org.springframework.stereotype.Component;

/** Everything held about a participant, as one JSON document (a data-rights export): API and pages. */
@Component
public class ParticipantExport {

	private final ConversationRuntime conversations;
	private final CheckInSlots checkIns;
	private final ConsentService consent;
	private final EscalationService escalation;
	private final Messenger messenger;
	private final Clock clock;
	private final CoachMessages coachMessages;

	ParticipantExport(ConversationRuntime conversations, CheckInSlots checkIns, ConsentService consent,
			EscalationService escalation, Messenger messenger, Clock clock, CoachMessages coachMessages) {
		this.coachMessages = coachMessages;
		this.conversations = conversations;
		this.checkIns = checkIns;
		this.consent = consent;
		this.escalation = escalation;
		this.messenger = messenger;
		this.clock = clock;
	}

	public Map<String, Object> of(ParticipantProfile profile) {
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("exportedAt", clock.instant());
		export.put("profile", profile);
		export.put("checkIn", checkIns.nextCheckIn(profile.id()).map(Instant::toString).orElse("none"));
		export.put("conversations", conversations.history(profile.id()));
		export.put("messagesSent", messenger.recent(profile.phone(), 10_000));
		export.put("allies", consent.allies(profile.id()));
		export.put("consentLedger", consent.ledger(profile.id()));
		export.put("escalation", escalation.records(profile.id()));
		export.put("coachThread", coachMessages.thread(profile));
		return export;
	}
}
