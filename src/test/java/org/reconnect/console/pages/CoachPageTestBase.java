package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.TestCoaches;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.PhoneSimulator;
import org.reconnect.scheduling.DueWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

import tools.jackson.databind.ObjectMapper;

/**
 * A coach of their own, a participant they enrol, and the phone, clock and conversations to play
 * what follows, on the shared simulator application (its configuration unchanged).
 */
abstract class CoachPageTestBase extends SimulatorAppTestBase {

	@Autowired
	TestRestTemplate http;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	MutableClock clock;

	@Autowired
	ConversationRuntime conversations;

	@Autowired
	PhoneSimulator phone;

	@Autowired
	DueWork due;

	@LocalServerPort
	int port;

	@AfterEach
	void clockBack() {
		clock.set(START); // the clock is shared with the test classes that run after this one
	}

	/** The coach, signed in by basic auth for the API (made if new). */
	TestRestTemplate coach(String name, String password) {
		TestCoaches.ensure(mongo, encoder, name, password);
		return http.withBasicAuth(name, password);
	}

	/** Enrols a participant in New York with a 09:00 check-in, by the coach; returns their id. */
	String enrol(TestRestTemplate coach, String name, String number) {
		ResponseEntity<String> enrolled = coach.postForEntity("/api/participants",
				Map.of("name", name, "phone", number, "timeZone", "America/New_York", "checkInTime", "09:00"),
				String.class);
		assertThat(enrolled.getStatusCode()).as(enrolled.getBody()).isEqualTo(HttpStatus.CREATED);
		return new ObjectMapper().readTree(enrolled.getBody()).get("id").asString();
	}
}
