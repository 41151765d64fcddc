package org.reconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordsTests {

	@ParameterizedTest
	@ValueSource(strings = { "STOP", "stop", " Stop. ", "stop!", "STOPALL", "Unsubscribe", "cancel", "END", "quit",
			"revoke", "OPTOUT", "parar" })
	void recognisesStopWhateverTheCaseAndPunctuation(String body) {
		assertThat(Keywords.of(body)).isEqualTo(Keywords.Keyword.STOP);
	}

	@ParameterizedTest
	@ValueSource(strings = { "START", "start ", "Unstop" })
	void recognisesStart(String body) {
		assertThat(Keywords.of(body)).isEqualTo(Keywords.Keyword.START);
	}

	@ParameterizedTest
	@ValueSource(strings = { "HELP", "help?", "Info", "ayuda" })
	void recognisesHelp(String body) {
		assertThat(Keywords.of(body)).isEqualTo(Keywords.Keyword.HELP);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4", "stop by later", "I can't stop thinking", "no", "" })
	void leavesEverythingElseToTheConversation(String body) {
		assertThat(Keywords.of(body)).isEqualTo(Keywords.Keyword.NONE);
	}
}
