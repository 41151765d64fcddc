package org.reconnect.progress;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One of the participant's own days (in their zone) on which they answered a check-in, said they
 * connected with someone, or both. Only that they did: never what they answered.
 *
 * @param id {@code participantId:yyyy-MM-dd}
 */
@Document("progress_days")
record ProgressDay(@Id String id, @Indexed String participantId, String day, Boolean answered, Boolean reachedOut) {

	boolean didAnswer() {
		return Boolean.TRUE.equals(answered);
	}

	boolean didReachOut() {
		return Boolean.TRUE.equals(reachedOut);
	}

	static String id(String participantId, java.time.LocalDate day) {
		return participantId + ":" + day;
	}
}
