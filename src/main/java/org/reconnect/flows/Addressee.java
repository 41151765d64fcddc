package org.reconnect.flows;

import org.reconnect.participants.ParticipantProfile;

/**
 * Who a conversation's messages go to and the names its texts may use: the participant, or an
 * ally with the participant who invited them.
 */
record Addressee(String phone, String language, String firstName, ParticipantProfile participant,
		Conversation.Ally ally) {

	static Addressee of(ParticipantProfile participant) {
		return new Addressee(participant.phone(), participant.language(), participant.firstName(), participant, null);
	}

	static Addressee of(Conversation.Ally ally, ParticipantProfile inviter) {
		return new Addressee(ally.phone(), ally.language(), ally.firstName(), inviter, ally);
	}
}
