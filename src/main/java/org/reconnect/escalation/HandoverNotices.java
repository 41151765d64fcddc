package org.reconnect.escalation;

import java.time.Clock;

import org.reconnect.flows.HandoverRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps a notice for the coach when a participant needs a person; the console delivers it. */
@Component
class HandoverNotices {

	private final CoachNotices notices;
	private final Clock clock;

	HandoverNotices(CoachNotices notices, Clock clock) {
		this.notices = notices;
		this.clock = clock;
	}

	@EventListener
	void on(HandoverRequested handover) {
		notices.save(new CoachNotice(null, "HANDOVER", handover.participant().value(), handover.conversation(), true,
				clock.instant(), null, null));
	}
}
