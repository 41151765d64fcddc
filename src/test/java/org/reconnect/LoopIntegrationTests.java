package org.reconnect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.reconnect.escalation.EscalationService;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.flows.ConversationView;
import org.reconnect.messaging.TwilioTestSigner;
import org.reconnect.participants.ParticipantId;
import org.reconnect.scheduling.CheckInSlots;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import tools.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The whole loop against a fake Twilio (WireMock): enrol, the daily check-in fired by Quartz, the
 * answers by signed webhook, an ally's consent, the escalation when a check-in goes unanswered, and
 * the global interrupts. Time moves with the clock, never by sleeping.
 */
class LoopIntegrationTests extends LoopTestSupport {

	@Autowired
	EscalationService escalation;

	@Test
	void theWholeLoopRunsEndToEnd(CapturedOutput output) throws Exception {
		String sam = "+12025550111";
		String maria = "+12025550112";
		String id = enrol("Sam Rivera", "(202) 555-0111", "America/New_York", "09:00");

		// Saturday 09:00 in New York is 14:00 UTC (EST); the slot's one trigger fires then.
		Instant saturday = Instant.parse("2030-03-09T14:00:00Z");
		assertThat(checkIns.nextCheckIn(new ParticipantId(id))).contains(saturday);
		assertThat(scheduler.getTrigger(TriggerKey.triggerKey(SLOT, "check-in-slots")).getNextFireTime().toInstant())
			.isEqualTo(saturday);

		clock.set(saturday);
		scheduler.start();
		try {
			scheduler.triggerJob(JobKey.jobKey("check-in-slot", "reconnect"), new JobDataMap(Map.of("slot", SLOT)));
			await().atMost(Duration.ofSeconds(60)).until(() -> sentTo(sam).size() == 1);
		}
		finally {
			scheduler.standby();
		}
		LoggedRequest checkIn = requestsTo(sam).get(0);
		assertThat(checkIn.getUrl()).isEqualTo(MESSAGES);
		assertThat(checkIn.getHeader("Authorization"))
			.isEqualTo("Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
		assertThat(form(checkIn)).containsEntry("To", sam)
			.containsEntry("From", FROM)
			.containsEntry("Body", "Hi Sam, it's check-in time. How are you feeling today, from 1 (low) to 5 (great)?");
		// The slot's trigger moved on to Sunday 09:00, which is 13:00 UTC after the change to EDT.
		Instant sunday = Instant.parse("2030-03-10T13:00:00Z");
		await().atMost(Duration.ofSeconds(60)).until(() -> checkIns.nextSlotFire(new ParticipantId(id)).orElseThrow()
			.equals(sunday));

		assertThat(sms(sam, "4").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(lastSentTo(sam)).isEqualTo("Thank you. Any cravings today? (yes/no)");
		sms(sam, "no");
		assertThat(lastSentTo(sam)).isEqualTo("Who did you connect with today? A call, a text or a meeting all count.");
		sms(sam, "my sister");
		assertThat(lastSentTo(sam)).isEqualTo("Thank you, Sam. Glad you reached out today. Talk tomorrow.");
		ConversationView finished = conversations.history(new ParticipantId(id)).get(0);
		assertThat(finished.status()).isEqualTo("ENDED");
		assertThat(finished.answers()).containsEntry("mood", "4").containsEntry("cravings", "no")
			.containsEntry("connection", "my sister");

		// Sam names an ally; she must say YES herself before she can ever be alerted.
		ResponseEntity<JsonNode> invited = coach().postForEntity("/api/participants/" + id + "/allies",
				Map.of("name", "Maria Lopez", "phone", "202-555-0112"), JsonNode.class);
		assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(lastSentTo(maria)).startsWith("Hi Maria, Sam asked if you'd be their check-in ally for a year:")
			.contains("Never what they tell us").contains("Reply YES or NO").contains("STOP ALERTS");
		sms(maria, "Yes");
		assertThat(lastSentTo(maria)).isEqualTo(
				"Thank you, Maria. If Sam goes quiet for a while, we'll let you know. Reply STOP ALERTS any time.");

		// Sunday's check-in goes unanswered past its deadline: the ladder starts, and Maria gets one
		// kind alert when it reaches the allies' step, 48 hours later (see EscalationIntegrationTests).
		clock.set(sunday);
		assertThat(checkIns.fire(SLOT)).isEqualTo(1);
		assertThat(lastSentTo(sam)).startsWith("Hi Sam, it's check-in time.");
		clock.advance(Duration.ofHours(5));
		conversations.expireDue();
		assertThat(conversations.open(new ParticipantId(id))).as("still inside the 6h deadline").isPresent();
		assertThat(sentTo(maria)).hasSize(2);
		clock.advance(Duration.ofHours(1));
		assertThat(conversations.expireDue()).isPositive();
		assertThat(conversations.history(new ParticipantId(id)).get(0).status()).isEqualTo("EXPIRED");
		assertThat(sentTo(maria)).as("allies are not told at the first missed check-in").hasSize(2);
		clock.advance(Duration.ofHours(48));
		escalation.sweep();
		String alert = lastSentTo(maria);
		assertThat(alert).isEqualTo("Hi Maria, Sam hasn't checked in since Saturday. A short, friendly message from you "
				+ "could mean a lot; no need to mention this note. Reply OK if you'll reach out, or STOP ALERTS to stop these.");
		assertThat(alert.toLowerCase()).doesNotContain("sister", "mood", "craving", "recovery", "4", "rivera");
		assertThat(conversations.expireDue()).isZero();
		escalation.sweep();
		assertThat(sentTo(maria)).hasSize(3);

		// Nothing in the log shows a phone number or what anyone wrote.
		assertThat(output.getAll()).doesNotContain(sam, maria, "2025550111", "555-0111", "2025550112", "my sister",
				"Hi Sam", "Hi Maria", "cravings today", "Sam Rivera", "Maria Lopez");
	}

	@Test
	void crisisLanguageGetsResourcesAtOnceAndTellsTheCoach() {
		String alex = "+12025550121";
		String id = enrol("Alex Kim", alex, "America/New_York", "20:00");
		assertThat(coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		clock.set(Instant.parse("2030-03-09T08:00:00Z")); // 03:00 in New York

		sms(alex, "honestly I want to end it all");

		assertThat(lastSentTo(alex)).contains("988").contains("You're not alone");
		assertThat(lastSentTo(COACH_PHONE)).startsWith("Reconnect: Alex Kim just wrote in crisis.");
		ConversationView open = conversations.open(new ParticipantId(id)).orElseThrow();
		assertThat(open.state()).isEqualTo("mood");
		assertThat(open.replies()).as("crisis language is never taken as an answer").isZero();
		JsonNode attention = coach().getForObject("/api/attention", JsonNode.class);
		assertThat(attention.findValuesAsString("participantId")).contains(id);
		assertThat(attention.findValuesAsString("kind")).contains("CRISIS");
	}

	@Test
	void stopSilencesEveryMessageUntilStartAndHelpExplains() {
		String jo = "+12025550131";
		String id = enrol("Jo Park", jo, "America/New_York", "13:30");

		sms(jo, "  Stop. ");
		assertThat(lastSentTo(jo)).isEqualTo("You won't get any more messages from Reconnect. Text START any time to come back.");
		assertThat(coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		clock.set(Instant.parse("2030-03-08T18:30:00Z"));
		assertThat(checkIns.fire("America/New_York@13:30")).isZero();
		sms(jo, "how are you");
		assertThat(sentTo(jo)).as("only the one confirmation").hasSize(1);
		assertThat(conversations.history(new ParticipantId(id))).as("a check-in never sent can never be missed").isEmpty();

		sms(jo, "START");
		assertThat(lastSentTo(jo)).startsWith("Welcome back.");
		clock.set(Instant.parse("2030-03-09T12:30:00Z"));
		assertThat(coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		// A check-in by hand at 07:30 in New York, inside the default quiet hours (21:00-08:00): it
		// waits in the outbox, and goes at 08:00, well before its deadline.
		drainOutbox();
		assertThat(lastSentTo(jo)).startsWith("Welcome back.");
		clock.set(Instant.parse("2030-03-09T13:00:00Z"));
		drainOutbox();
		assertThat(lastSentTo(jo)).startsWith("Hi Jo, it's check-in time.");

		sms(jo, "help");
		assertThat(lastSentTo(jo)).contains("Reconnect").contains("To reach a person").contains("rates may apply")
			.contains("STOP");
		assertThat(conversations.open(new ParticipantId(id)).orElseThrow().replies()).isZero();
	}

	@Test
	void aPoliteRequestInWordsOptsOutWithOneConfirmation() {
		String ari = "+12025550132";
		String id = enrol("Ari Cole", ari, "America/New_York", "09:00");

		sms(ari, "Stop please");
		assertThat(lastSentTo(ari)).isEqualTo("You won't get any more messages from Reconnect. Text START any time to come back.");
		sms(ari, "no more messages pls");
		assertThat(sentTo(ari)).as("said twice, confirmed once").hasSize(1);
		assertThat(coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		clock.set(Instant.parse("2030-03-09T14:00:00Z"));
		assertThat(checkIns.fire(SLOT)).as("no check-in goes to a number that opted out").isZero();
		drainOutbox();
		assertThat(sentTo(ari)).hasSize(1);
	}

	@Test
	void theWebhookRefusesWhatTwilioDidNotSign() {
		String lee = "+12025550141";
		enrol("Lee Chan", lee, "America/New_York", "10:15");
		Map<String, String> params = smsParams(lee, "4");

		assertThat(postWebhook(params, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(postWebhook(params, TwilioTestSigner.sign("another-token", PUBLIC_URL + WEBHOOK, params))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		Map<String, String> tampered = new HashMap<>(params);
		tampered.put("Body", "5");
		assertThat(postWebhook(tampered, sign(params)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// Signed for the internal URL instead of the public one Twilio calls.
		assertThat(postWebhook(params, TwilioTestSigner.sign(TOKEN, "http://localhost" + WEBHOOK, params))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(sentTo(lee)).isEmpty();
	}

	@Test
	void theWebhookNamesMissingFieldsAndTreatsStrangersNeutrally() {
		Map<String, String> noBody = new LinkedHashMap<>(smsParams("+12025550151", "x"));
		noBody.remove("Body");
		noBody.remove("MessageSid");
		ResponseEntity<String> missing = postWebhook(noBody, sign(noBody));
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(missing.getBody()).contains("MessageSid").contains("Body");

		ResponseEntity<String> empty = postWebhook(Map.of(), sign(Map.of()));
		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(empty.getBody()).contains("MessageSid").contains("From");

		String stranger = "+12025550152";
		Map<String, String> fromStranger = smsParams(stranger, "hello?");
		ResponseEntity<String> neutral = postWebhook(fromStranger, sign(fromStranger));
		assertThat(neutral.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(neutral.getBody()).contains("<Response></Response>");
		assertThat(sentTo(stranger)).isEmpty();
		assertThat(coach().getForObject("/api/participants", JsonNode.class).findValuesAsString("phone"))
			.doesNotContain(stranger);
	}

	@Test
	void aRepeatedMessageSidIsProcessedOnce() {
		String pat = "+12025550161";
		String id = enrol("Pat Moreno", pat, "America/New_York", "10:30");
		coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class);
		Map<String, String> params = smsParams(pat, "3");

		assertThat(postWebhook(params, sign(params)).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(postWebhook(params, sign(params)).getStatusCode()).isEqualTo(HttpStatus.OK);

		assertThat(sentTo(pat)).containsExactly("Hi Pat, it's check-in time. How are you feeling today, from 1 (low) to 5 (great)?",
				"Thank you. Any cravings today? (yes/no)");
		assertThat(conversations.open(new ParticipantId(id)).orElseThrow().replies()).isEqualTo(1);
	}

	@Test
	void repliesToOneConversationApplyOneAtATime() throws Exception {
		String kim = "+12025550181";
		String id = enrol("Kim Ng", kim, "America/New_York", "11:15");
		coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class);
		Map<String, String> first = smsParams(kim, "5");
		Map<String, String> second = smsParams(kim, "no");

		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var a = pool.submit(() -> postWebhook(first, sign(first)));
			var b = pool.submit(() -> postWebhook(second, sign(second)));
			assertThat(a.get().getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(b.get().getStatusCode()).isEqualTo(HttpStatus.OK);
		}
		finally {
			pool.shutdown();
		}

		ConversationView open = conversations.open(new ParticipantId(id)).orElseThrow();
		assertThat(open.replies()).as("both replies applied, neither lost").isEqualTo(2);
		assertThat(sentTo(kim)).hasSize(3);
	}

	@Test
	void aParticipantCanNameAnAllyBySms() {
		String rae = "+12025550191";
		String id = enrol("Rae Cole", rae, "America/New_York", "11:45");

		sms(rae, "ALLY Dana (202) 555-0192");

		assertThat(lastSentTo(rae)).isEqualTo("Thanks. We've asked Dana if they agree. Nothing is shared until they say yes.");
		assertThat(lastSentTo("+12025550192")).startsWith("Hi Dana, Rae asked if you'd be their check-in ally");
		sms("+12025550192", "no");
		assertThat(lastSentTo("+12025550192")).startsWith("Understood, Dana. You won't get any alerts.");
		assertThat(coach().getForObject("/api/participants/" + id + "/allies", JsonNode.class).findValuesAsString("consent"))
			.containsExactly("DECLINED");
	}

	@Test
	void enrolmentNamesEveryBadFieldAndStoresNothing() {
		int before = coach().getForObject("/api/participants", JsonNode.class).size();
		ResponseEntity<JsonNode> response = coach().postForEntity("/api/participants",
				Map.of("name", "", "phone", "555", "timeZone", "Mars/Olympus", "checkInTime", "9am"), JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(response.getBody().get("errors").findValuesAsString("field")).containsExactly("name", "phone", "timeZone",
				"checkInTime");
		assertThat(response.getBody().get("errors").findValuesAsString("message"))
			.anySatisfy(m -> assertThat(m).contains("America/New_York"))
			.anySatisfy(m -> assertThat(m).contains("HH:mm"));
		assertThat(coach().getForObject("/api/participants", JsonNode.class).size()).isEqualTo(before);
		assertThat(http.postForEntity("/api/participants", Map.of("name", "x"), String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

}
