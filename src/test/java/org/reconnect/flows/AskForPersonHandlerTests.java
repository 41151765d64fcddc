package org.reconnect.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.reconnect.messaging.Inbound;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.OutboundMessage;
import org.reconnect.participants.ParticipantId;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantStatus;
import org.reconnect.participants.ResponsivenessSettings;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Asking for a person: the urgent line named is the one the crisis resources give, never a fixed 988. */
class AskForPersonHandlerTests {

	@Test
	void theUrgentLineComesFromTheCrisisResourcesInTheParticipantsLanguage() {
		PlaceholderSource spain = source(participant -> participant.language().equals("es") ? "llama al 024" : "call 024");
		assertThat(reply(spain, "es", "quiero hablar con alguien"))
			.isEqualTo("Claro. Le he pedido a tu coach que te contacte pronto. Si es urgente, llama al 024.");
		assertThat(reply(spain, "en", "can I talk to someone"))
			.isEqualTo("Of course. I've asked your coach to get in touch soon. If it's urgent, call 024.");
	}

	@Test
	void withoutCrisisResourcesTheLocalEmergencyNumberIsNamedNotAnotherCountrys() {
		assertThat(reply(null, "en", "talk to a person"))
			.isEqualTo("Of course. I've asked your coach to get in touch soon. If it's urgent, call your local emergency number.")
			.doesNotContain("988");
		assertThat(reply(null, "es", "una persona")).endsWith("Si es urgente, llama al número de emergencias local.");
	}

	@Test
	void thePhrasesAreTheBundlesOfEveryOfferedLanguage() {
		AskForPersonHandler handler = handler(texts(), offering("en", "es"));
		assertThat(handler.asksForPerson("can I TALK to someone?")).isTrue();
		assertThat(handler.asksForPerson("Person")).isTrue();
		assertThat(handler.asksForPerson("quiero hablar con alguien")).as("Spanish words from anyone").isTrue();
		assertThat(handler.asksForPerson("¡Llámame!")).isTrue();
		assertThat(handler.asksForPerson("Persona")).isTrue();
		assertThat(handler.asksForPerson("a personal best today")).isFalse();
		assertThat(handler.asksForPerson("4")).isFalse();
		assertThat(handler(texts(), offering("en")).asksForPerson("hablar con alguien"))
			.as("a language not offered is not listened for").isFalse();
	}

	@Test
	void aNewLanguagesPhrasesComeFromItsBundleNotFromJava() {
		org.springframework.context.support.StaticMessageSource portuguese = new org.springframework.context.support.StaticMessageSource();
		portuguese.addMessage("conversation.asks-for-person.phrases", java.util.Locale.forLanguageTag("pt"),
				"falar com alguém, uma pessoa");
		portuguese.addMessage("conversation.asks-for-person.alone", java.util.Locale.forLanguageTag("pt"), "pessoa");
		AskForPersonHandler handler = handler(portuguese, offering("pt"));
		assertThat(handler.asksForPerson("quero falar com alguem")).isTrue();
		assertThat(handler.asksForPerson("PESSOA")).isTrue();
		assertThat(handler.asksForPerson("talk to someone")).isFalse();
	}

	private static org.reconnect.participants.ParticipantService offering(String... languages) {
		org.reconnect.participants.ParticipantService participants = mock(org.reconnect.participants.ParticipantService.class);
		org.mockito.Mockito.when(participants.languages()).thenReturn(java.util.List.of(languages));
		return participants;
	}

	private static AskForPersonHandler handler(org.springframework.context.MessageSource texts,
			org.reconnect.participants.ParticipantService participants) {
		return new AskForPersonHandler(mock(Messenger.class), event -> {
		}, texts, new StaticListableBeanFactory().getBeanProvider(PlaceholderSource.class), participants);
	}

	private static ResourceBundleMessageSource texts() {
		ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
		texts.setBasenames("messages/conversations");
		texts.setDefaultEncoding("UTF-8");
		texts.setFallbackToSystemLocale(false);
		return texts;
	}

	private static PlaceholderSource source(java.util.function.Function<ParticipantProfile, String> line) {
		return new PlaceholderSource() {
			@Override
			public String placeholder() {
				return "urgent_line";
			}

			@Override
			public Optional<String> value(ParticipantProfile participant) {
				return Optional.of(line.apply(participant));
			}
		};
	}

	private static String reply(PlaceholderSource source, String language, String body) {
		ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
		texts.setBasenames("messages/conversations");
		texts.setDefaultEncoding("UTF-8");
		texts.setFallbackToSystemLocale(false);
		StaticListableBeanFactory beans = new StaticListableBeanFactory(
				source == null ? Map.of() : Map.of("urgentLine", source));
		Messenger messenger = mock(Messenger.class);
		AskForPersonHandler handler = new AskForPersonHandler(messenger, event -> {
		}, texts, beans.getBeanProvider(PlaceholderSource.class), offering("en", "es"));
		ParticipantProfile participant = new ParticipantProfile(new ParticipantId("p"), "Sam Rivera", "+12025550143",
				ZoneId.of("America/New_York"), LocalTime.of(9, 0), language, ParticipantStatus.ACTIVE, "coach",
				Instant.parse("2030-03-08T15:00:00Z"), null, new ResponsivenessSettings(java.time.Duration.ofHours(24), 2, true));
		assertThat(handler.handle(new Inbound(new InboundMessage("k", "+12025550143", body, Instant.now()), participant)))
			.isTrue();
		ArgumentCaptor<OutboundMessage> sent = ArgumentCaptor.forClass(OutboundMessage.class);
		verify(messenger).send(sent.capture());
		return sent.getValue().body();
	}
}
