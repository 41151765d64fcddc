package org.reconnect.progress;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.reconnect.participants.ParticipantId;
import org.springframework.stereotype.Component;

/** What each participant chose to share; read again when each note goes. */
@Component
class ProgressSharings {

	private final Sharings sharings;
	private final Clock clock;

	ProgressSharings(Sharings sharings, Clock clock) {
		this.sharings = sharings;
		this.clock = clock;
	}

	Set<MilestoneKind> shared(ParticipantId participant) {
		return sharings.findById(participant.value())
			.map(s -> s.shared().isEmpty() ? EnumSet.noneOf(MilestoneKind.class) : EnumSet.copyOf(s.shared()))
			.orElseGet(() -> EnumSet.noneOf(MilestoneKind.class));
	}

	boolean shares(ParticipantId participant, MilestoneKind kind) {
		return shared(participant).contains(kind);
	}

	Set<MilestoneKind> set(ParticipantId participant, Set<MilestoneKind> kinds, String by) {
		sharings.save(new ProgressSharing(participant.value(), List.copyOf(kinds), clock.instant(), by));
		return shared(participant);
	}

	void forget(ParticipantId participant) {
		sharings.deleteById(participant.value());
	}
}
