package org.reconnect.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.messaging.MessagingSettings;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantStatus;
import org.reconnect.participants.ResponsivenessSettings;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A flow without a not_understood text of its own answers in the reader's language, not in English from Java. */
class ConversationTextsTests {

	private static final String FLOW = """
			spec_version: 2
			name: example
			languages: [en, es]
			start: ask
			states:
			  ask:
			    say:
			      en: "How are you, {first_name}?"
			      es: "¿Cómo estás, {first_name}?"
			    on_reply:
			      - when: {regex: "^[1-5]$"}
			        end: true
			""";

	@Test
	void aReplyNoRuleTakesIsAnsweredInTheParticipantsLanguageWhenTheFlowHasNoTextForIt() {
		FlowDefinition flow = new FlowReader().read("example.yaml", FLOW);
		ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
		bundles.setBasenames("messages/conversations");
		bundles.setDefaultEncoding("UTF-8");
		bundles.setFallbackToSystemLocale(false);
		ConversationTexts texts = new ConversationTexts(
				new StaticListableBeanFactory(Map.of()).getBeanProvider(PlaceholderSource.class), mock(Conversations.class),
				null, Clock.systemUTC(), new Binder(new MapConfigurationPropertySource(Map.of()))
					.bindOrCreate("reconnect.messaging", MessagingSettings.class),
				bundles, coach -> coach);

		assertThat(texts.render(flow.notUnderstood(), Addressee.of(participant("es")), flow))
			.isEqualTo("Perdona, no te he entendido.");
		assertThat(texts.render(flow.notUnderstood(), Addressee.of(participant("en")), flow))
			.isEqualTo("Sorry, I didn't catch that.");
	}

	private static ParticipantProfile participant(String language) {
		return new ParticipantProfile(new ParticipantId("p"), "Lucía Gómez", "+12025550143", ZoneId.of("America/New_York"),
				LocalTime.of(9, 0), language, ParticipantStatus.ACTIVE, "coach", Instant.parse("2030-03-08T15:00:00Z"), null,
				new ResponsivenessSettings(java.time.Duration.ofHours(24), 2, true));
	}
}
