package org.reconnect.escalation;

import org.reconnect.participants.ParticipantId;

/**
 * A coach must be told something now (a participant went quiet, or is back in touch). The
 * console delivers it and reports back with {@link EscalationService#coachAlertDelivered}.
 *
 * @param alertId the alert's record, to report delivery against
 * @param text the alert text from the alert texts file: names and a day, never answers
 */
public record CoachAlertRaised(String alertId, ParticipantId participant, String coach, String text) {
}
