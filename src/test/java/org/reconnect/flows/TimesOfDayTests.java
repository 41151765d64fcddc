package org.reconnect.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimesOfDayTests {

	@ParameterizedTest
	@CsvSource({ "9, 09:00", "9am, 09:00", "9 AM, 09:00", "18:30, 18:30", "6.30pm, 18:30", "12am, 00:00", "12pm, 12:00",
			"7h15, 07:15" })
	void readsTimesAsPeopleTextThem(String text, String expected) {
		assertThat(TimesOfDay.parse(text)).contains(LocalTime.parse(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "25:00", "13pm", "noon", "9:75", "" })
	void refusesWhatIsNotATime(String text) {
		assertThat(TimesOfDay.parse(text)).isEmpty();
	}
}
