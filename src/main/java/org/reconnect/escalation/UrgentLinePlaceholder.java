package org.reconnect.escalation;

import java.util.Optional;

import org.reconnect.flows.PlaceholderSource;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.stereotype.Component;

/** {@code urgent_line}: where to turn when it is urgent, from the crisis resources of the
 * participant's phone number's country (else the organisation's region). */
@Component
class UrgentLinePlaceholder implements PlaceholderSource {

	private final CrisisResources resources;

	UrgentLinePlaceholder(CrisisResources resources) {
		this.resources = resources;
	}

	@Override
	public String placeholder() {
		return "urgent_line";
	}

	@Override
	public Optional<String> value(ParticipantProfile participant) {
		return Optional.of(resources.line(CrisisResources.Line.URGENT, participant.language(), participant.phone()));
	}
}
