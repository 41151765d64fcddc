package org.reconnect.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reconnect.LoopTestSupport;
import org.reconnect.flows.ConversationView;
import org.reconnect.participants.ParticipantId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import tools.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * WhatsApp against the same fake Twilio and application context as the loop tests: free-form text
 * inside the 24-hour session window, the approved template outside it, one SMS fallback for a
 * WhatsApp message that fails however Twilio's callbacks come, and opt-out across channels.
 */
class WhatsAppIntegrationTests extends LoopTestSupport {

	static final String STATUS_WEBHOOK = "/webhooks/twilio/status";
	static final String STATUS_CALLBACK = PUBLIC_URL + STATUS_WEBHOOK;
	static final String CHECK_IN_EN = "Hi %s, it's check-in time. How are you feeling today, from 1 (low) to 5 (great)?";

	@Autowired
	Messenger messenger;

	/** Participants enrolled by the running test, erased after it. */
	private final List<String> enrolled = new ArrayList<>();

	/**
	 * Erasing its participants ends their open check-ins, so no other test in this shared context
	 * ever sees them missed and escalated (e.g. a coach alert competing for the coach's OK).
	 */
	@AfterEach
	void eraseParticipants() {
		enrolled.forEach(id -> coach().delete("/api/participants/" + id));
	}

	@Test
	void insideTheWindowTextIsFreeFormOutsideItACheckInIsTheApprovedTemplate() {
		String lee = "+12025550401";
		String id = enrolOnWhatsApp("Lee Chen", lee, "11:40", "en", null);

		checkInNow(id);
		// Lee never wrote on WhatsApp: the check-in is the approved template, with the first name.
		assertThat(requestsTo(lee)).isEmpty();
		assertThat(requestsTo(wa(lee))).hasSize(1);
		assertThat(form(requestsTo(wa(lee)).get(0))).containsExactlyInAnyOrderEntriesOf(Map.of("To", wa(lee), "From",
				wa(WHATSAPP_FROM), "ContentSid", CHECK_IN_TEMPLATE, "ContentVariables", "{\"1\":\"Lee\"}",
				"StatusCallback", STATUS_CALLBACK));
		SentMessage checkIn = messenger.recent(lee, 1).get(0);
		assertThat(checkIn.channel()).isEqualTo(ChannelKind.WHATSAPP);
		assertThat(checkIn.template()).isEqualTo(CHECK_IN_TEMPLATE);

		// Lee answers on WhatsApp: the answer reaches the conversation, and the reply is free-form.
		whatsApp(lee, "4");
		assertThat(requestsTo(wa(lee))).hasSize(2);
		assertThat(form(requestsTo(wa(lee)).get(1))).containsExactlyInAnyOrderEntriesOf(Map.of("To", wa(lee), "From",
				wa(WHATSAPP_FROM), "Body", "Thank you. Any cravings today? (yes/no)", "StatusCallback", STATUS_CALLBACK));
		ConversationView open = conversations.open(new ParticipantId(id)).orElseThrow();
		assertThat(open.answers()).containsEntry("mood", "4");
		assertThat(open.state()).isEqualTo("cravings");
		assertThat(requestsTo(lee)).as("nothing by SMS").isEmpty();

		// 23 hours later the window is still open; after 24 hours it has closed.
		clock.advance(Duration.ofHours(23));
		messenger.send(new OutboundMessage(lee, "Still here for you.", Purpose.REPLY, "r-window"));
		assertThat(form(requestsTo(wa(lee)).get(2))).containsEntry("Body", "Still here for you.")
			.doesNotContainKey("ContentSid");
		clock.advance(Duration.ofHours(2));
		messenger.send(new OutboundMessage(lee, CHECK_IN_EN.formatted("Lee"), Purpose.CHECK_IN, "c-window"));
		assertThat(form(requestsTo(wa(lee)).get(3))).containsEntry("ContentSid", CHECK_IN_TEMPLATE)
			.containsEntry("ContentVariables", "{\"1\":\"Lee\"}")
			.doesNotContainKey("Body");
	}

	@Test
	void aFailedWhatsAppCheckInFallsBackToExactlyOneSmsWhateverTheCallbacks() {
		String mo = "+12025550402";
		String id = enrolOnWhatsApp("Mo Tran", mo, "11:45", "en", null);
		// Mo's own quiet hours are short: a fallback held for them still goes within the check-in's
		// window (6 h from when it went; a question that cannot go by then is dropped instead).
		coach().put("/api/participants/" + id + "/quiet-hours", Map.of("start", "21:00", "end", "23:00"));
		twilio.stubFor(to(wa(mo)).willReturn(accepted("SMwhatsapp0402")));
		twilio.stubFor(to(mo).willReturn(accepted("SMsms0402")));
		// Friday 20:50 in New York: the check-in goes; Twilio says it was undelivered at 21:30, inside
		// quiet hours, so the SMS fallback waits for their end like any check-in.
		clock.set(Instant.parse("2030-03-09T01:50:00Z"));
		checkInNow(id);
		String original = messenger.recent(mo, 1).get(0).id();

		clock.set(Instant.parse("2030-03-09T02:30:00Z"));
		status("SMwhatsapp0402", "undelivered", "63016");
		status("SMwhatsapp0402", "sent", null);
		status("SMwhatsapp0402", "undelivered", "63016");
		assertThat(requestsTo(mo)).as("held for quiet hours").isEmpty();

		clock.set(Instant.parse("2030-03-09T04:00:00Z")); // Friday 23:00 in New York
		status("SMwhatsapp0402", "failed", "63016");
		drainOutbox();
		status("SMwhatsapp0402", "undelivered", "63016");
		status("SMwhatsapp0402", "delivered", null);
		drainOutbox();

		assertThat(requestsTo(mo)).hasSize(1);
		assertThat(form(requestsTo(mo).get(0))).containsEntry("From", FROM)
			.containsEntry("Body", CHECK_IN_EN.formatted("Mo"));
		JsonNode failed = coach().getForObject("/api/messages/" + original, JsonNode.class);
		assertThat(failed.get("channel").asText()).isEqualTo("WHATSAPP");
		assertThat(failed.get("deliveryStatus").asText()).isEqualTo("undelivered");
		assertThat(failed.get("error").asText()).isEqualTo("63016");
		String fallbackId = failed.get("fallbackId").asText();
		JsonNode fallback = coach().getForObject("/api/messages/" + fallbackId, JsonNode.class);
		assertThat(fallback.get("channel").asText()).isEqualTo("SMS");
		assertThat(fallback.get("fallbackOf").asText()).isEqualTo(original);
		assertThat(fallback.get("status").asText()).isEqualTo("SENT");

		// The check-in is on its way by SMS: never undelivered, and Mo answers it by SMS.
		assertThat(conversations.open(new ParticipantId(id))).isPresent();
		sms(mo, "5");
		assertThat(conversations.history(new ParticipantId(id)).get(0).answers()).containsEntry("mood", "5");
	}

	@Test
	void aWhatsAppMessageTwilioRefusesGoesOnceBySmsAtOnce() {
		String sol = "+12025550409";
		enrolOnWhatsApp("Sol Vega", sol, "12:20", "en", null);
		whatsApp(sol, "hello?");
		int before = requestsTo(wa(sol)).size();
		twilio.stubFor(to(wa(sol)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
			.withBody("{\"code\":63016,\"message\":\"Outside the allowed window\",\"status\":400}")));

		SendResult result = messenger.send(new OutboundMessage(sol, "We're glad you wrote.", Purpose.REPLY, "r-63016"));

		assertThat(result.outcome()).as("sent, by its SMS fallback").isEqualTo(SendResult.Outcome.SENT);
		assertThat(requestsTo(wa(sol))).hasSize(before + 1);
		assertThat(sentTo(sol)).containsExactly("We're glad you wrote.");
		MessageView refused = messenger.status(result.messageId()).orElseThrow();
		assertThat(refused.status()).isEqualTo("FAILED");
		assertThat(refused.error()).isEqualTo("63016");
		assertThat(messenger.status(refused.fallbackId()).orElseThrow().status()).isEqualTo("SENT");
		clock.advance(Duration.ofHours(1));
		drainOutbox();
		assertThat(sentTo(sol)).hasSize(1);
	}

	@Test
	void aFallbackTakesThePlaceOfTheFailedMessageUnderTheDailyCap() {
		String bo = "+12025550410";
		enrolOnWhatsApp("Bo Park", bo, "12:25", "en", null);
		for (int i = 1; i <= 3; i++) {
			twilio.stubFor(to(wa(bo)).withFormParam("ContentVariables", equalTo("{\"1\":\"Bo\"}"))
				.willReturn(accepted("SMcap0410n" + i)));
			assertThat(messenger.send(new OutboundMessage(bo, "Check-in " + i, Purpose.CHECK_IN, "cap" + i)).outcome())
				.isEqualTo(SendResult.Outcome.SENT);
		}
		// The daily cap (3) is reached; one of the three fails, and its SMS stands in for it.
		status("SMcap0410n3", "undelivered", "63016");
		assertThat(sentTo(bo)).containsExactly("Check-in 3");

		SendResult fourth = messenger.send(new OutboundMessage(bo, "Check-in 4", Purpose.CHECK_IN, "cap4"));
		assertThat(fourth.outcome()).isEqualTo(SendResult.Outcome.DROPPED);
		assertThat(messenger.status(fourth.messageId()).orElseThrow().error()).isEqualTo("daily-cap");
		assertThat(requestsTo(wa(bo))).hasSize(3);
	}

	@Test
	void withTheFallbackOffAFailedWhatsAppCheckInIsRecordedUndeliveredAndNoSmsGoes() {
		String ida = "+12025550403";
		String id = enrolOnWhatsApp("Ida Berg", ida, "11:50", "en", null);
		ResponseEntity<JsonNode> changed = putChannel(id, Map.of("channel", "whatsapp", "smsFallback", false));
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(changed.getBody().get("channel").asText()).isEqualTo("WHATSAPP");
		assertThat(changed.getBody().get("smsFallback").asBoolean()).isFalse();
		twilio.stubFor(to(wa(ida)).willReturn(accepted("SMwhatsapp0403")));

		checkInNow(id);
		String original = messenger.recent(ida, 1).get(0).id();
		status("SMwhatsapp0403", "undelivered", "63003");
		status("SMwhatsapp0403", "undelivered", "63003");
		drainOutbox();

		assertThat(requestsTo(ida)).isEmpty();
		JsonNode failed = coach().getForObject("/api/messages/" + original, JsonNode.class);
		assertThat(failed.get("deliveryStatus").asText()).isEqualTo("undelivered");
		assertThat(failed.get("error").asText()).isEqualTo("63003");
		assertThat(failed.get("fallbackId").isNull()).isTrue();
		assertThat(conversations.history(new ParticipantId(id)).get(0).status()).isEqualTo("UNDELIVERED");
	}

	@Test
	void outsideTheWindowWithNoTemplateInTheirLanguageNothingGoesOnWhatsApp() {
		// No Spanish check-in template is configured: with the fallback on, the check-in goes by SMS ...
		String ana = "+12025550404";
		String withFallback = enrolOnWhatsApp("Ana Ruiz", ana, "11:55", "es", null);
		checkInNow(withFallback);
		assertThat(requestsTo(wa(ana))).isEmpty();
		assertThat(sentTo(ana)).containsExactly(
				"Hola Ana, es hora de tu check-in. ¿Cómo te sientes hoy, del 1 (mal) al 5 (genial)?");
		SentMessage fallback = messenger.recent(ana, 10).stream()
			.filter(m -> m.fallbackOf() != null && !org.reconnect.WelcomeTexts.is(m.body())) // the check-in's
			.findFirst()
			.orElseThrow();
		assertThat(fallback.channel()).isEqualTo(ChannelKind.SMS);
		MessageView original = messenger.status(fallback.fallbackOf()).orElseThrow();
		assertThat(original.channel()).isEqualTo(ChannelKind.WHATSAPP);
		assertThat(original.status()).isEqualTo("FAILED");
		assertThat(original.error()).isEqualTo(WhatsAppChannel.NO_TEMPLATE);
		assertThat(original.fallbackId()).isEqualTo(fallback.id());

		// ... and with it off, the message is recorded as not sendable and the coach is told.
		String eva = "+12025550405";
		String withoutFallback = enrolOnWhatsApp("Eva Soto", eva, "12:00", "es", false);
		assertThat(coach().postForEntity("/api/participants/" + withoutFallback + "/check-ins", null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(requestsTo(wa(eva))).isEmpty();
		assertThat(requestsTo(eva)).isEmpty();
		MessageView refused = messenger.status(messenger.recent(eva, 1).get(0).id()).orElseThrow();
		assertThat(refused.status()).isEqualTo("FAILED");
		assertThat(refused.error()).isEqualTo(WhatsAppChannel.NO_TEMPLATE);
		assertThat(refused.fallbackId()).isNull();
	}

	@Test
	void anOptedOutNumberGetsNoFallback() {
		String kim = "+12025550406";
		String id = enrolOnWhatsApp("Kim Yoon", kim, "12:05", "en", null);
		twilio.stubFor(to(wa(kim)).willReturn(accepted("SMwhatsapp0406")));
		checkInNow(id);

		// Kim texts STOP by SMS before Twilio reports the WhatsApp check-in undelivered.
		sms(kim, "STOP");
		assertThat(sentTo(kim)).as("the one confirmation (by SMS: the WhatsApp window is closed)")
			.containsExactly("You won't get any more messages from Reconnect. Text START any time to come back.");
		status("SMwhatsapp0406", "undelivered", "63016");
		status("SMwhatsapp0406", "failed", "63016");
		drainOutbox();

		assertThat(sentTo(kim)).hasSize(1);
		assertThat(requestsTo(wa(kim))).hasSize(1);
	}

	@Test
	void stopOnWhatsAppOptsOutOnEveryChannelAndInboundIsTheSamePerson() {
		String rae = "+12025550407";
		String id = enrolOnWhatsApp("Rae Quinn", rae, "12:10", "en", null);

		whatsApp(rae, "STOP");
		assertThat(form(requestsTo(wa(rae)).get(0))).containsEntry("Body",
				"You won't get any more messages from Reconnect. Text START any time to come back.");
		assertThat(coach().getForObject("/api/participants/" + id, JsonNode.class).at("/profile/status").asText())
			.isEqualTo("OPTED_OUT");
		assertThat(messenger.send(new OutboundMessage(rae, "On WhatsApp?", Purpose.REPLY, "w")).outcome())
			.isEqualTo(SendResult.Outcome.SUPPRESSED);
		putChannel(id, Map.of("channel", "SMS"));
		assertThat(messenger.send(new OutboundMessage(rae, "By SMS?", Purpose.REPLY, "s")).outcome())
			.isEqualTo(SendResult.Outcome.SUPPRESSED);
		putChannel(id, Map.of("channel", "WEB"));
		assertThat(messenger.send(new OutboundMessage(rae, "On the web?", Purpose.ALERT, "x")).outcome())
			.isEqualTo(SendResult.Outcome.SUPPRESSED);
		drainOutbox();
		assertThat(requestsTo(rae)).isEmpty();
		assertThat(requestsTo(wa(rae))).hasSize(1);

		putChannel(id, Map.of("channel", "WHATSAPP"));
		whatsApp(rae, "START");
		assertThat(form(requestsTo(wa(rae)).get(1)).get("Body")).startsWith("Welcome back.");
		assertThat(coach().getForObject("/api/participants/" + id, JsonNode.class).at("/profile/status").asText())
			.isEqualTo("ACTIVE");
	}

	@Test
	void anUnknownChannelIsRefusedWithAProblemNamingTheField() {
		ResponseEntity<JsonNode> enrol = coach().postForEntity("/api/participants", Map.of("name", "Pat Doe", "phone",
				"+12025550408", "timeZone", "America/New_York", "checkInTime", "12:15", "channel", "FAX"), JsonNode.class);
		assertThat(enrol.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(enrol.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(enrol.getBody().get("errors").findValuesAsString("field")).containsExactly("channel");
		assertThat(enrol.getBody().get("errors").findValuesAsString("message").get(0)).contains("'FAX'")
			.contains("SMS, WHATSAPP or WEB");

		String id = enrol("Pat Doe", "+12025550408", "America/New_York", "12:15");
		enrolled.add(id);
		ResponseEntity<JsonNode> change = putChannel(id, Map.of("channel", "pigeon"));
		assertThat(change.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(change.getBody().get("errors").findValuesAsString("field")).containsExactly("channel");
		assertThat(putChannel(id, Map.of("smsFallback", false)).getBody().get("errors").findValuesAsString("field"))
			.containsExactly("channel");
		JsonNode profile = coach().getForObject("/api/participants/" + id, JsonNode.class).get("profile");
		assertThat(profile.get("channel").asText()).isEqualTo("SMS");
		assertThat(profile.get("smsFallback").asBoolean()).isTrue();
	}

	// --- helpers ---

	private String enrolOnWhatsApp(String name, String phone, String time, String language, Boolean smsFallback) {
		Map<String, Object> request = new LinkedHashMap<>(Map.of("name", name, "phone", phone, "timeZone",
				"America/New_York", "checkInTime", time, "language", language, "channel", "WHATSAPP"));
		if (smsFallback != null) {
			request.put("smsFallback", smsFallback);
		}
		ResponseEntity<JsonNode> response = coach().postForEntity("/api/participants", request, JsonNode.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(response.getBody().get("channel").asText()).isEqualTo("WHATSAPP");
		enrolled.add(response.getBody().get("id").asText());
		// The welcome is free-form text, which WhatsApp takes only inside the 24-hour window: it goes
		// once by SMS instead, or not at all with the fallback off.
		assertThat(requestsTo(wa(phone))).as("no free-form welcome outside the window").isEmpty();
		if (smsFallback == null || smsFallback) {
			welcomed(phone);
		}
		else {
			assertThat(requestsTo(phone)).isEmpty();
		}
		return response.getBody().get("id").asText();
	}

	private void checkInNow(String id) {
		assertThat(coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
	}

	private ResponseEntity<JsonNode> putChannel(String id, Map<String, Object> body) {
		return coach().exchange("/api/participants/" + id + "/channel", HttpMethod.PUT, new HttpEntity<>(body),
				JsonNode.class);
	}

	private void whatsApp(String from, String body) {
		Map<String, String> params = smsParams(wa(from), body);
		params.put("To", wa(WHATSAPP_FROM));
		params.put("ProfileName", "Someone");
		ResponseEntity<String> response = postWebhook(params, sign(params));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private void status(String sid, String status, String errorCode) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("MessageSid", sid);
		params.put("AccountSid", SID);
		params.put("MessageStatus", status);
		if (errorCode != null) {
			params.put("ErrorCode", errorCode);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.set("X-Twilio-Signature", TwilioTestSigner.sign(TOKEN, STATUS_CALLBACK, params));
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		params.forEach(form::add);
		assertThat(http.postForEntity(STATUS_WEBHOOK, new HttpEntity<>(form, headers), String.class).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	private static String wa(String phone) {
		return "whatsapp:" + phone;
	}

	private static com.github.tomakehurst.wiremock.client.MappingBuilder to(String to) {
		return post(urlPathEqualTo(MESSAGES)).atPriority(1).withFormParam("To", equalTo(to));
	}

	private static ResponseDefinitionBuilder accepted(String sid) {
		return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
			.withBody("{\"sid\":\"" + sid + "\",\"status\":\"queued\"}");
	}
}
