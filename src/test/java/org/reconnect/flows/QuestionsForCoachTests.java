package org.reconnect.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.Messenger;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.participants.ParticipantStatus;
import org.reconnect.participants.ResponsivenessSettings;
import org.springframework.context.support.ResourceBundleMessageSource;

/** What counts as a question for the coach, and that the coach is told without the words. */
class QuestionsForCoachTests {

	private final List<Object> events = new ArrayList<>();
	private final Messenger messenger = mock(Messenger.class);
	private final Conversations conversations = mock(Conversations.class);

	@Test
	void aQuestionIsAMarkOrAStartThatOnlyAsks() {
		QuestionsForCoach questions = questions();
		assertThat(questions.isQuestion("who is this?")).isTrue();
		assertThat(questions.isQuestion("¿quién eres")).isTrue();
		assertThat(questions.isQuestion("Can I move my check-in to 8")).isTrue();
		assertThat(questions.isQuestion("what time is my meeting")).isTrue();
		assertThat(questions.isQuestion("puedo cambiar la hora")).as("Spanish starts, from anyone").isTrue();
		assertThat(questions.isQuestion("a qué hora es mañana")).isTrue();
		assertThat(questions.isQuestion("what a day")).isFalse();
		assertThat(questions.isQuestion("how i feel is complicated")).isFalse();
		assertThat(questions.isQuestion("como siempre")).isFalse();
		assertThat(questions.isQuestion("4")).isFalse();
	}

	@Test
	void withNoConversationOpenAQuestionGoesToTheCoachWithoutItsWords() {
		when(conversations.findByOpenFor("p")).thenReturn(Optional.empty());
		assertThat(questions().passOn(sam(), new InboundMessage("k", "+12025550143", "can you call my sister?",
				Instant.parse("2030-03-08T15:00:00Z")))).isTrue();
		assertThat(events).singleElement().isInstanceOfSatisfying(HandoverRequested.class, handover -> {
			assertThat(handover.participant()).isEqualTo(new ParticipantId("p"));
			assertThat(handover.reason()).isEqualTo("asked a question the check-in could not answer")
				.doesNotContain("sister");
		});
		verify(messenger).send(any());
	}

	@Test
	void aStatementIsNotPassedOn() {
		when(conversations.findByOpenFor("p")).thenReturn(Optional.empty());
		assertThat(questions().passOn(sam(), new InboundMessage("k", "+12025550143", "thanks, all good",
				Instant.parse("2030-03-08T15:00:00Z")))).isFalse();
		assertThat(events).isEmpty();
		verify(messenger, never()).send(any());
	}

	private QuestionsForCoach questions() {
		ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
		texts.setBasenames("messages/conversations");
		texts.setDefaultEncoding("UTF-8");
		texts.setFallbackToSystemLocale(false);
		ParticipantService participants = mock(ParticipantService.class);
		when(participants.languages()).thenReturn(List.of("en", "es"));
		return new QuestionsForCoach(conversations, mock(FlowRegistry.class), participants, messenger, events::add,
				texts);
	}

	private static ParticipantProfile sam() {
		return new ParticipantProfile(new ParticipantId("p"), "Sam Rivera", "+12025550143", ZoneId.of("America/New_York"),
				LocalTime.of(9, 0), "en", ParticipantStatus.ACTIVE, "coach", Instant.parse("2030-03-08T15:00:00Z"), null,
				new ResponsivenessSettings(Duration.ofHours(24), 2, true));
	}
}
