package org.reconnect.flows;

import org.reconnect.participants.ParticipantId;

/**
 * Someone a participant invited as an ally, as a flow with them needs to know them: how to reach
 * them and what to call them. Never anything the participant answered.
 *
 * @param language the ally's language, or null for the inviting participant's
 */
public record InvitedAlly(String allyId, ParticipantId invitedBy, String phone, String firstName, String language) {
}
