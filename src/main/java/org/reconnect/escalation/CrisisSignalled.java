package org.reconnect.escalation;

import org.reconnect.participants.ParticipantId;

/**
 * Someone wrote in crisis. The coach must hear of it now; carries ids only.
 *
 * @param participant null when the sender is not a participant
 * @param resourcesDelivered false when the crisis resources could not be sent (e.g. after STOP)
 */
public record CrisisSignalled(String noticeId, ParticipantId participant, boolean resourcesDelivered) {
}
