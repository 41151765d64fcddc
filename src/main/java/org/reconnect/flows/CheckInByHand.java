package org.reconnect.flows;

/**
 * What became of a check-in started by hand ({@link ConversationRuntime#checkInByHand}).
 *
 * @param conversation the new conversation, when its question went or is on its way; else null
 * @param refusal why it did not go; null when it did
 */
public record CheckInByHand(String conversation, Refusal refusal) {

	/** Why a check-in by hand did not go; nothing was left queued for later. */
	public enum Refusal {
		/** The participant is paused or opted out. */
		NOT_ACTIVE,
		/** Another conversation is open; the check-in is not queued behind it. */
		CONVERSATION_OPEN,
		/** The outbox could not send the question (opted out at the carrier, the daily cap, too late). */
		NOT_DELIVERED
	}

	static CheckInByHand refused(Refusal refusal) {
		return new CheckInByHand(null, refusal);
	}

	public boolean went() {
		return refusal == null;
	}
}
