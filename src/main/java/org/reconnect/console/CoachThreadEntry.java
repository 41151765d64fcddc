package org.reconnect.console;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message of a coach's thread with a participant: the coach's words out (with the outbox
 * message that carries them, for its delivery status) or the participant's reply in.
 *
 * @param direction OUT (coach to participant) or IN (participant's reply)
 * @param coach the coach who wrote (OUT); null for a reply
 * @param messageId the outbox message (OUT) or the channel's message key (IN)
 * @param urgent whether the coach sent it through quiet hours
 */
@Document("coachThreads")
record CoachThreadEntry(@Id String id, @Indexed String participantId, Instant at, String direction, String coach,
		String messageId, String text, boolean urgent) {

	static final String OUT = "OUT";

	static final String IN = "IN";

	boolean out() {
		return OUT.equals(direction);
	}
}
