package org.reconnect.escalation;

import org.reconnect.participants.ParticipantId;

/**
 * A coach must be told something now (a participant went quiet, or is back in touch). The
 * console delivers it and reports back with {@link EscalationService#coachAlertDelivered}.
 *
 * @param alertId the alert's record, to report delivery against
 * @param coach the username of the coach (or, when the coach cannot be reached, a supervisor)
 * @param text the alert text from the alert texts file: names and a day, never answers
 * @param kind QUIET (the participant went quiet) or BACK_IN_TOUCH
 */
public record CoachAlertRaised(String alertId, ParticipantId participant, String coach, String text, String kind) {
}
