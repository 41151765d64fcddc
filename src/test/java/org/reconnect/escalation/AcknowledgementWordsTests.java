package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The words of acknowledgements/acknowledgements_*.txt: how people say they have an alert in hand, and what never is. */
class AcknowledgementWordsTests {

	static final AcknowledgementWords words = new AcknowledgementWords();

	@ParameterizedTest
	@ValueSource(strings = { "OK", "ok.", "Okay!", "Vale", "ok le escribo", "ok I'll text her", "ok I’ll text her", "👍",
			"👍🏽", "ok 👍🏽", "thanks, calling him now", "ok thanks", "will do", "On it", "calling him now",
			"gracias por avisar, le llamo", "sí, le escribo ahora", "claro", "Got it, thank you", "k", "sure",
			"de acuerdo", "dale", "entendido", "listo", "voy a llamarle", "I'll give her a call", "no problem, I'll call him",
			"okkk", "no te preocupes, le llamo", "yes, I'll call her", "sí, claro" })
	void acknowledges(String reply) {
		assertThat(words.acknowledges(reply)).as(reply).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ok stop the alerts", "ok stop alerts", "ok pero PARAR AVISOS", "ok, PARAR AVISOS",
			"no puedo ahora", "can't right now", "ok but I can't call her", "who is this?", "hola", "she's fine",
			"I'm driving, I'll call you back", "Thanks for your message, I'll reply soon", "Estoy conduciendo, te llamo luego",
			"no", "", "   ", "why are you texting me", "YES", "sí", "Yes." })
	void isNotAnAcknowledgement(String reply) {
		assertThat(words.acknowledges(reply)).as(reply).isFalse();
	}
}
