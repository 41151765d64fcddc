package org.reconnect.flows;

import org.reconnect.participants.ParticipantId;

/**
 * An ally answered an invitation in a flow ({@code record_consent}): the consent module records it
 * in its ledger, which alone says what holds.
 *
 * @param granted true for yes, false for no
 * @param messageKey the ally's message that carried the answer
 */
public record AllyAnswered(String allyId, ParticipantId participant, boolean granted, String conversation,
		String messageKey) {
}
