package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.participants.ParticipantProfile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What the console's browser tests share, on the shared simulator application (its configuration
 * unchanged): the app's address, the store and password encoder to make coaches with, the clock
 * at the start of the test day before and after each test, and a participant's text through the
 * phone simulator. Each test opens its own {@link org.reconnect.ConsoleBrowser}.
 */
abstract class BrowserTestBase extends SimulatorAppTestBase {

	@Autowired
	TestRestTemplate http;

	@Autowired
	MutableClock clock;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PasswordEncoder encoder;

	@BeforeEach
	void startOfTheDay() {
		clock.set(START);
	}

	@AfterEach
	void restoreClock() {
		clock.set(START); // the clock is shared with the test classes that run after this one
	}

	/** A participant texts in, through the coach's phone simulator (the coach's password is name-pass-1). */
	void text(String coach, ParticipantProfile from, String body) {
		text(coach, from.phone(), body);
	}

	void text(String coach, String from, String body) {
		assertThat(http.withBasicAuth(coach, coach + "-pass-1")
			.postForEntity("/api/simulator/inbound", Map.of("from", from, "body", body), String.class)
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
	}
}
