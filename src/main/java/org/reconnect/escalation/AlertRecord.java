package org.reconnect.escalation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert to one recipient, or one that consent stopped; holds ids, not text. For ladder alerts
 * the id is the delivery's own key, inserted before the message goes, so an alert is sent at most
 * once even when two nodes or a retry process the same step.
 *
 * @param kind NUDGE, QUIET, BACK_IN_TOUCH or CRISIS
 * @param recipient "participant", "coach:<name>" or "ally:<id>"
 * @param phone where it went, to match an "OK" to it; removed when the participant is erased
 * @param outcome SENDING, SENT, SUPPRESSED, FAILED, NO_CONSENT, RAISED (handed to the console), EMAILED (to a
 * coach without a phone), NO_CHANNEL (a coach with no phone or e-mail) or NO_PHONE (before e-mail)
 */
@Document("alerts")
record AlertRecord(@Id String id, String kind, @Indexed String participantId, @Indexed String episodeId, Integer step,
		String recipient, @Indexed String phone, String outcome, String messageId, Instant at, Instant acknowledgedAt) {

	AlertRecord sent(String phone, String outcome, String messageId) {
		return new AlertRecord(id, kind, participantId, episodeId, step, recipient, phone, outcome, messageId, at,
				acknowledgedAt);
	}

	AlertRecord acknowledged(Instant when) {
		return new AlertRecord(id, kind, participantId, episodeId, step, recipient, phone, outcome, messageId, at, when);
	}

	AlertRecord withoutPhone() {
		return new AlertRecord(id, kind, participantId, episodeId, step, recipient, null, outcome, messageId, at,
				acknowledgedAt);
	}

	boolean reached() {
		return "SENT".equals(outcome) || "RAISED".equals(outcome) || "EMAILED".equals(outcome);
	}
}
