package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.reconnect.flows.ConversationView;

/** How the participant page's timeline names a conversation's status. */
class ParticipantPageTests {

	@Test
	void aCheckInThatNeverReachedThemReadsNotDeliveredAndOneStillInTheOutboxWaitingToGoOut() {
		assertThat(words(view("UNDELIVERED", false), Locale.ENGLISH)).isEqualTo("not delivered");
		assertThat(words(view("ACTIVE", true), Locale.ENGLISH)).isEqualTo("waiting to go out");
		assertThat(words(view("ACTIVE", false), Locale.ENGLISH)).isEqualTo("open");
		assertThat(words(view("EXPIRED", false), Locale.ENGLISH)).isEqualTo("no answer in time");
		assertThat(words(view("UNDELIVERED", false), Locale.forLanguageTag("es"))).isEqualTo("no entregado");
	}

	/** Every status a conversation can have reads as words, in English and Spanish. */
	@Test
	void everyConversationStatusHasWords() {
		for (String status : List.of("ACTIVE", "ENDED", "EXPIRED", "UNDELIVERED", "SUPERSEDED")) {
			for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
				assertThat(words(view(status, false), locale)).as(status).doesNotContain("_").isNotBlank();
			}
		}
	}

	private static String words(ConversationView conversation, Locale locale) {
		ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
		texts.setBasename("messages/console");
		texts.setDefaultEncoding("UTF-8");
		texts.setFallbackToSystemLocale(false);
		return texts.getMessage(ParticipantPage.conversationStatus(conversation), null, locale);
	}

	private static ConversationView view(String status, boolean questionPending) {
		return new ConversationView("c", "daily-checkin", "r1", "mood", status, Map.of(), 0, Instant.EPOCH, null, null,
				List.of(), null, questionPending);
	}
}
