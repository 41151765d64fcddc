package org.reconnect.console.pages;

import java.util.List;

import org.reconnect.flows.ConversationView;

/** Daily check-ins answered in a row: the conversation history read newest first. */
final class CheckInStreak {

	private CheckInStreak() {
	}

	/**
	 * Counts ended check-ins back to the first one that expired unanswered; the one still open and
	 * those never delivered neither count nor break the streak.
	 */
	static int of(List<ConversationView> newestFirst, String checkInFlow) {
		int streak = 0;
		for (ConversationView conversation : newestFirst) {
			if (!conversation.flow().equals(checkInFlow)) {
				continue;
			}
			switch (conversation.status()) {
				case "ENDED" -> streak++;
				case "EXPIRED" -> {
					return streak;
				}
				default -> {
					// ACTIVE (today's, still open) or UNDELIVERED: not the participant's doing
				}
			}
		}
		return streak;
	}
}
