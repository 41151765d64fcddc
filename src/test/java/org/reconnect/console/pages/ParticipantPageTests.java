package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.flows.ConversationView;

/** How the participant page's timeline names a conversation's status. */
class ParticipantPageTests {

	@Test
	void aCheckInThatNeverReachedThemReadsNotDeliveredAndOneStillInTheOutboxWaitingToGoOut() {
		assertThat(ParticipantPage.conversationStatus(view("UNDELIVERED", false))).isEqualTo("not delivered");
		assertThat(ParticipantPage.conversationStatus(view("ACTIVE", true))).isEqualTo("waiting to go out");
		assertThat(ParticipantPage.conversationStatus(view("ACTIVE", false))).isEqualTo("ACTIVE");
		assertThat(ParticipantPage.conversationStatus(view("EXPIRED", false))).isEqualTo("EXPIRED");
	}

	private static ConversationView view(String status, boolean questionPending) {
		return new ConversationView("c", "daily-checkin", "r1", "mood", status, Map.of(), 0, Instant.EPOCH, null, null,
				List.of(), null, questionPending);
	}
}
