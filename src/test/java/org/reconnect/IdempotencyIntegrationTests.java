package org.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.SentMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * The same request more than once, or several at the same moment, does what one would (issue #17,
 * F8): one coach account per username, one ally per phone number for a participant, one pause and
 * one text however many times the coach presses "pause".
 */
class IdempotencyIntegrationTests extends LoopTestSupport {

	@Autowired
	Messenger messenger;

	/** The texts written to a number (the outbox's records: sent, or waiting for a retry when the fake Twilio is slow). */
	private List<String> textsTo(String phone) {
		return messenger.recent(phone, 100).stream().map(SentMessage::body).toList();
	}

	/** The texts to a participant after the welcome their enrolment sent, oldest first. */
	private List<String> textsAfterWelcome(String phone) {
		List<String> oldestFirst = new java.util.ArrayList<>(textsTo(phone));
		java.util.Collections.reverse(oldestFirst);
		return org.reconnect.WelcomeTexts.after(oldestFirst);
	}

	@Test
	void fiveConcurrentCreatesOfOneCoachMakeOneAccountAndFourConflicts() throws Exception {
		List<ResponseEntity<JsonNode>> answers = together(5, i -> coach().postForEntity("/api/coaches",
				Map.of("username", "twin.coach", "password", "twin-password-" + i, "role", "COACH"), JsonNode.class));

		assertThat(answers).extracting(ResponseEntity::getStatusCode)
			.containsOnly(HttpStatus.CREATED, HttpStatus.CONFLICT)
			.filteredOn(HttpStatus.CREATED::equals)
			.hasSize(1);
		assertThat(answers).filteredOn(a -> a.getStatusCode() == HttpStatus.CONFLICT)
			.hasSize(4)
			.allSatisfy(conflict -> assertThat(conflict.getBody().path("errors").findValuesAsString("field")).containsExactly("username"));
		JsonNode accounts = coach().getForObject("/api/coaches", JsonNode.class);
		assertThat(accounts.findValuesAsString("username")).containsOnlyOnce("twin.coach");

		// and one after the others: the same answer, not a replacement of the account
		ResponseEntity<JsonNode> again = coach().postForEntity("/api/coaches",
				Map.of("username", "twin.coach", "password", "another-password-1", "role", "SUPERVISOR"), JsonNode.class);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(coach().getForObject("/api/coaches", JsonNode.class).findValues("username").stream()
			.filter(name -> name.asText().equals("twin.coach")).count()).isEqualTo(1);
		assertThat(http.withBasicAuth("twin.coach", "another-password-1").getForEntity("/api/participants", String.class)
			.getStatusCode()).as("the account was not replaced").isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void anAllysNumberIsNamedOncePerParticipant() throws Exception {
		String id = enrol("Ida Lane", "+16465550301", "America/New_York", "10:05");
		String ally = "+16465550302";
		List<ResponseEntity<JsonNode>> answers = together(5, i -> coach().postForEntity(
				"/api/participants/" + id + "/allies", Map.of("name", "Rob Lane", "phone", "+1 646 555 0302"), JsonNode.class));

		assertThat(answers).extracting(ResponseEntity::getStatusCode)
			.filteredOn(HttpStatus.CREATED::equals)
			.hasSize(1);
		assertThat(answers).filteredOn(a -> a.getStatusCode() != HttpStatus.CREATED).hasSize(4).allSatisfy(conflict -> {
			assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(conflict.getHeaders().getContentType().toString()).startsWith("application/problem+json");
			assertThat(conflict.getBody().path("errors").findValuesAsString("field")).containsExactly("phone");
		});
		assertThat(coach().getForObject("/api/participants/" + id + "/allies", JsonNode.class)).hasSize(1);
		assertThat(textsTo(ally)).as("one invitation").hasSize(1);

		// the same number written another way is the same ally
		ResponseEntity<JsonNode> again = coach().postForEntity("/api/participants/" + id + "/allies",
				Map.of("name", "Robert", "phone", "(646) 555-0302"), JsonNode.class);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody().path("detail").asText()).contains("already");

		// once their consent has ended, the participant may ask the same person again: still one ally
		String allyId = coach().getForObject("/api/participants/" + id + "/allies", JsonNode.class).get(0).get("id").asText();
		coach().exchange("/api/participants/" + id + "/allies/" + allyId, HttpMethod.DELETE, HttpEntity.EMPTY, Void.class);
		ResponseEntity<JsonNode> askedAgain = coach().postForEntity("/api/participants/" + id + "/allies",
				Map.of("name", "Rob Lane", "phone", ally), JsonNode.class);
		assertThat(askedAgain.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(askedAgain.getBody().get("id").asText()).isEqualTo(allyId);
		assertThat(askedAgain.getBody().get("consent").asText()).isEqualTo("REQUESTED");
		assertThat(coach().getForObject("/api/participants/" + id + "/allies", JsonNode.class)).hasSize(1);
	}

	@Test
	void anAllyNamedAgainByTextIsOneAllyAndTheParticipantIsToldNothingChanged() {
		String phone = "+16465550304";
		String id = enrol("Una Vale", phone, "America/New_York", "10:07");
		sms(phone, "ALLY Teo +1 646 555 0305");
		sms(phone, "ALLY Teo Vale +1 646 555 0305");
		assertThat(textsTo(phone).get(0)).isEqualTo("Teo Vale is already your ally, or we've already asked them. Nothing changed.");
		assertThat(coach().getForObject("/api/participants/" + id + "/allies", JsonNode.class)).hasSize(1);
		assertThat(textsTo("+16465550305")).as("one invitation").hasSize(1);
	}

	@Test
	void tenConcurrentPausesAreOnePauseAndOneText() throws Exception {
		String phone = "+16465550303";
		String id = enrol("Pia Moss", phone, "America/New_York", "10:10");
		String until = START.plus(Duration.ofDays(3)).toString();
		List<ResponseEntity<JsonNode>> answers = together(10, i -> coach().postForEntity(
				"/api/participants/" + id + "/pause", Map.of("until", until), JsonNode.class));

		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(answer.getBody().get("status").asText()).isEqualTo("PAUSED");
		});
		assertThat(textsAfterWelcome(phone)).as("texts to the participant").hasSize(1);
		assertThat(coach().getForObject("/api/participants/" + id + "/audit", JsonNode.class).findValuesAsString("kind"))
			.filteredOn("PAUSED"::equals)
			.hasSize(1);

		// pressed again later with the same date: still one pause; a new date is a new pause, told once
		coach().postForEntity("/api/participants/" + id + "/pause", Map.of("until", until), JsonNode.class);
		assertThat(textsAfterWelcome(phone)).hasSize(1);
		coach().postForEntity("/api/participants/" + id + "/pause",
				Map.of("until", START.plus(Duration.ofDays(5)).toString()), JsonNode.class);
		assertThat(textsAfterWelcome(phone)).hasSize(2);

		List<ResponseEntity<JsonNode>> resumes = together(10, i -> coach().postForEntity(
				"/api/participants/" + id + "/resume", null, JsonNode.class));
		assertThat(resumes).allSatisfy(answer -> assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK));
		assertThat(textsAfterWelcome(phone)).as("one 'check-ins start again'").hasSize(3);
	}

	interface Request<T> {
		T send(int index) throws Exception;
	}

	/** The request from {@code count} threads released at the same moment. */
	static <T> List<T> together(int count, Request<T> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(pool.submit((Callable<T>) () -> {
					go.await();
					return request.send(index);
				}));
			}
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
