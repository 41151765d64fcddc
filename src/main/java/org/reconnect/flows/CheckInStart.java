package org.reconnect.flows;

import org.reconnect.participants.ParticipantId;

/**
 * A check-in to start, with the id its conversation gets: chosen by the claim that took the
 * check-in and recorded with it, so a start cut short by a stopped node can be told (was the
 * conversation written? its first message?) and finished without starting it twice.
 *
 * @param conversationId a MongoDB object id, in hex
 */
public record CheckInStart(ParticipantId participant, String conversationId) {
}
