package org.reconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordsTests {

	private static final Keywords KEYWORDS = Keywords.load();

	/**
	 * How people really ask to stop, politely or padded, in English and Spanish, beside messages that
	 * only look like it (src/test/resources/keywords/opt-out-table.csv: message | STOP or NONE | why).
	 */
	@ParameterizedTest(name = "[{index}] {0} -> {1} ({2})")
	@CsvFileSource(resources = "/keywords/opt-out-table.csv", delimiter = '|')
	void optsOutOnARequestToStopInWordsAndOnlyThen(String body, Keywords.Keyword expected, String why) {
		assertThat(KEYWORDS.of(body)).as(why).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "STOP", "stop", " Stop. ", "stop!", "STOPALL", "Unsubscribe", "cancel", "END", "quit",
			"revoke", "OPTOUT", "parar", "Opt-Out", "stop all", "  S.T.O.P  ", "PARAR!", "Alto", "¡Basta!", "cancelar" })
	void recognisesStopWhateverTheCaseAndPunctuation(String body) {
		assertThat(KEYWORDS.of(body)).isEqualTo(Keywords.Keyword.STOP);
	}

	/** An unknown number is answered in the language of the words it used: its file under keywords/. */
	@Test
	void knowsTheLanguageOfAKeywordFromItsFile() {
		java.util.Locale spanish = java.util.Locale.forLanguageTag("es");
		java.util.Locale english = java.util.Locale.forLanguageTag("en");
		assertThat(KEYWORDS.language("PARAR")).contains(spanish);
		assertThat(KEYWORDS.language("¡Basta, por favor!")).contains(spanish);
		assertThat(KEYWORDS.language("ayuda")).contains(spanish);
		assertThat(KEYWORDS.language("dejen de escribirme")).contains(spanish);
		assertThat(KEYWORDS.language("STOP")).contains(english);
		assertThat(KEYWORDS.language("help please")).contains(english);
		assertThat(KEYWORDS.language("ok")).as("a courtesy word is nobody's").isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "START", "start ", "Unstop", "un-stop", "Iniciar" })
	void recognisesStart(String body) {
		assertThat(KEYWORDS.of(body)).isEqualTo(Keywords.Keyword.START);
	}

	@ParameterizedTest
	@ValueSource(strings = { "YES", "yes!", " Yes ", "sí" })
	void takesYesAsStartOnlyFromAnOptedOutNumber(String body) {
		assertThat(KEYWORDS.of(body, true)).isEqualTo(Keywords.Keyword.START);
		assertThat(KEYWORDS.of(body, false)).as("an ally's YES to consent stays an answer").isEqualTo(Keywords.Keyword.NONE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "please stop texting me", "Stop texting me!!", "PLEASE STOP MESSAGING ME", "no more messages",
			"No more texts, thanks", "don't text me anymore", "Do not contact me", "unsubscribe me please",
			"take me off this list", "no más mensajes", "No mas mensajes por favor", "dejen de escribirme",
			"no me escriban más" })
	void takesAPlainRequestInWordsAsStop(String body) {
		assertThat(KEYWORDS.of(body)).isEqualTo(Keywords.Keyword.STOP);
	}

	@ParameterizedTest
	@ValueSource(strings = { "HELP", "help?", "Info", "ayuda" })
	void recognisesHelp(String body) {
		assertThat(KEYWORDS.of(body)).isEqualTo(Keywords.Keyword.HELP);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4", "stop by later", "I can't stop thinking", "no", "", "yes", "STOP ALERTS",
			"my sister texted me, no more drinking", "I want to stop drinking", "the end of the day was hard", "no more" })
	void leavesEverythingElseToTheConversation(String body) {
		assertThat(KEYWORDS.of(body)).isEqualTo(Keywords.Keyword.NONE);
	}
}
