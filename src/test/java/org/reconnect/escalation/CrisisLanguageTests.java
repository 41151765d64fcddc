package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrisisLanguageTests {

	private static CrisisDetector detector;

	@BeforeAll
	static void read() {
		detector = new CrisisDetector();
	}

	@ParameterizedTest
	@ValueSource(strings = { "I want to kill myself", "thinking about SUICIDE", "i just want to end it all",
			"I don't want to live anymore", "I dont want to live", "gonna hurt myself tonight", "took an overdose",
			"me quiero morir", "no quiero vivir", "pienso en suicidarme", "I can't go on" })
	void recognisesCrisisLanguage(String text) {
		assertThat(detector.read(text).crisis()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4", "no", "nobody today", "I killed it at work today", "the movie was to die for",
			"feeling low but ok", "" })
	void leavesOrdinaryRepliesAlone(String text) {
		assertThat(detector.read(text).crisis()).isFalse();
	}
}
