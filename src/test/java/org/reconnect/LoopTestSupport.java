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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.Message;

import jakarta.mail.MessagingException;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.flows.ConversationView;
import org.reconnect.messaging.TwilioTestSigner;
import org.reconnect.participants.ParticipantId;
import org.reconnect.scheduling.CheckInSlots;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
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
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The whole application against a fake Twilio (WireMock), on a clock the tests move. Every
 * end-to-end test class extends this one and adds nothing to its configuration, so Spring's test
 * context cache starts the application once for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.quartz.auto-startup=false",
		// Quartz keeps JVM-wide registries by scheduler name: each test context gets its own.
		"spring.quartz.properties.org.quartz.scheduler.instanceName=loop-tests",
		"reconnect.messaging.twilio.account-sid=" + LoopTestSupport.SID,
		"reconnect.messaging.twilio.auth-token=" + LoopTestSupport.TOKEN,
		// a (fake) Twilio account on the embedded store: allowed only as a pilot's explicit choice
		"reconnect.embedded-store-pilot=true",
		"reconnect.messaging.twilio.from-number=" + LoopTestSupport.FROM,
		"reconnect.messaging.twilio.public-base-url=" + LoopTestSupport.PUBLIC_URL,
		// WhatsApp: a sender, and one approved template (the daily check-in in English) with its
		// variable; Spanish has none, so a Spanish check-in outside the window cannot go on WhatsApp.
		"reconnect.messaging.twilio.whatsapp-from=" + LoopTestSupport.WHATSAPP_FROM,
		"reconnect.messaging.whatsapp.templates.daily-checkin.en=" + LoopTestSupport.CHECK_IN_TEMPLATE,
		"reconnect.messaging.whatsapp.template-variables.daily-checkin=first-name",
		// The outbox's background dispatcher is off (tests drain it by hand, on the test clock), with
		// no pacing; one Twilio request gives up after 3 s (a loaded CI machine answers the first one
		// slowly), still short of the timeout test's 8 s stub.
		"reconnect.messaging.outbox.poll-interval=0",
		"reconnect.messaging.outbox.messages-per-second=0",
		"reconnect.messaging.outbox.request-timeout=3s",
		"reconnect.console.initial-coach.password=test-pass-2030",
		"reconnect.console.initial-coach.phone=+12025550199" })
@Import(LoopTestSupport.TestClock.class)
// Metrics are exported (to /actuator/prometheus) as in production; Boot's tests leave them off.
@AutoConfigureMetrics
@AutoConfigureTestRestTemplate
@ExtendWith(OutputCaptureExtension.class)
public abstract class LoopTestSupport {

	protected static final String SID = "AC0123456789abcdef0123456789abcdef";
	protected static final String TOKEN = "test-auth-token-0123456789abcdef";
	protected static final String FROM = "+15005550006";
	protected static final String WHATSAPP_FROM = "+14155238886";
	protected static final String CHECK_IN_TEMPLATE = "HX0123456789abcdef0123456789abcdef";
	protected static final String PUBLIC_URL = "https://reconnect.example.org";
	protected static final String WEBHOOK = "/webhooks/twilio/sms";
	protected static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
	protected static final String COACH_PHONE = "+12025550199";
	protected static final String SLOT = "America/New_York@09:00";
	/**
	 * 11:00 on a Friday in New York, in the future, so Quartz never fires a trigger on its own while
	 * tests run. Each test gives its participants their own check-in time, so slots never mix.
	 */
	protected static final Instant START = Instant.parse("2030-03-08T16:00:00Z");

	private static final Path DATA_DIR = tempDir();

	/**
	 * One fake Twilio for the whole run, never stopped: every class shares the cached application
	 * context, which holds this server's URL (a per-class extension would move it to a new port).
	 */
	protected static final WireMockServer twilio = startTwilio();

	/** One real SMTP server for the whole run, never stopped, for the same reason: staff e-mail lands here. */
	protected static final GreenMail mail = startMail();

	private static GreenMail startMail() {
		GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		server.start();
		return server;
	}

	private static WireMockServer startTwilio() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().notifier(new Slf4jNotifier(false)));
		server.start();
		return server;
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("reconnect.messaging.twilio.api-base-url", twilio::baseUrl);
		registry.add("reconnect.data-dir", DATA_DIR::toString);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START);
		}
	}

	@Autowired
	protected TestRestTemplate http;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected Scheduler scheduler;

	@Autowired
	protected CheckInSlots checkIns;

	@Autowired
	protected ConversationRuntime conversations;

	@BeforeEach
	void resetClockAndTwilio() {
		clock.set(START);
		twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\"}")));
	}

	// --- helpers ---

	@Autowired
	private org.springframework.context.ApplicationContext context;

	/** Runs the outbox dispatcher once, as the background loop would (it is off in these tests). */
	protected int drainOutbox() {
		return org.reconnect.messaging.OutboxTestAccess.drain(context);
	}

	protected TestRestTemplate coach() {
		return http.withBasicAuth("coach", "test-pass-2030");
	}

	protected String enrol(String name, String phone, String zone, String time) {
		return enrol(coach(), name, phone, zone, time);
	}

	/** Enrols a participant in the caseload of the coach signed in as {@code coach}. */
	protected static String enrol(TestRestTemplate coach, String name, String phone, String zone, String time) {
		ResponseEntity<JsonNode> response = coach.postForEntity("/api/participants",
				Map.of("name", name, "phone", phone, "timeZone", zone, "checkInTime", time), JsonNode.class);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
		welcomed(response.getBody().get("phone").asText());
		return response.getBody().get("id").asText();
	}

	/**
	 * Every enrolment sends a welcome (WelcomeIntegrationTests): checks that {@code to} (a number,
	 * or whatsapp:+1...) got exactly one, and takes it out of the fake Twilio's journal, so that what
	 * a test counts next is what it caused itself.
	 */
	protected static void welcomed(String to) {
		List<LoggedRequest> welcomes = requestsTo(to).stream().filter(r -> WelcomeTexts.is(form(r).get("Body"))).toList();
		assertThat(welcomes).as("the welcome to " + to).hasSize(1);
		twilio.removeServeEventsMatching(postRequestedFor(urlPathEqualTo(MESSAGES))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalTo(welcomes.get(0).getBodyAsString()))
			.build());
	}

	/** The e-mails the test SMTP server received for this address, oldest first. */
	protected static List<MimeMessage> mailTo(String address) throws MessagingException {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch(to -> to.toString().equals(address))) {
				found.add(message);
			}
		}
		return found;
	}

	protected ResponseEntity<String> sms(String from, String body) {
		Map<String, String> params = smsParams(from, body);
		ResponseEntity<String> response = postWebhook(params, sign(params));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response;
	}

	protected static Map<String, String> smsParams(String from, String body) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
		params.put("AccountSid", SID);
		params.put("From", from);
		params.put("To", FROM);
		params.put("Body", body);
		params.put("NumMedia", "0");
		return params;
	}

	protected static String sign(Map<String, String> params) {
		return TwilioTestSigner.sign(TOKEN, PUBLIC_URL + WEBHOOK, params);
	}

	protected ResponseEntity<String> postWebhook(Map<String, String> params, String signature) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		if (signature != null) {
			headers.set("X-Twilio-Signature", signature);
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		params.forEach(form::add);
		return http.postForEntity(WEBHOOK, new HttpEntity<>(form, headers), String.class);
	}

	protected static List<LoggedRequest> requestsTo(String phone) {
		return twilio.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)))
			.stream()
			.filter(request -> phone.equals(form(request).get("To")))
			.toList();
	}

	protected static List<String> sentTo(String phone) {
		return requestsTo(phone).stream().map(request -> form(request).get("Body")).toList();
	}

	protected static String lastSentTo(String phone) {
		List<String> sent = sentTo(phone);
		assertThat(sent).as("messages to " + phone).isNotEmpty();
		return sent.get(sent.size() - 1);
	}

	protected static Map<String, String> form(LoggedRequest request) {
		return Arrays.stream(request.getBodyAsString().split("&"))
			.map(pair -> pair.split("=", 2))
			.collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
					pair -> pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8), (a, b) -> b,
					LinkedHashMap::new));
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("reconnect-loop");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
