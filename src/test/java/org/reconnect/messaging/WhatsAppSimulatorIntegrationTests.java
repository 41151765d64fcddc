package org.reconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.SimulatorAppTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * WhatsApp without a Twilio account: the simulator marks WhatsApp messages as such, keeps the
 * session window (no template is configured here, so outside it a check-in goes by SMS), and lets
 * a coach report a WhatsApp message undelivered to try the SMS fallback.
 */
class WhatsAppSimulatorIntegrationTests extends SimulatorAppTestBase {

	@Autowired
	TestRestTemplate http;

	@Test
	void theSimulatorShowsWhatsAppMessagesKeepsTheWindowAndFallsBackToSms() {
		TestRestTemplate coach = http.withBasicAuth("coach", "sim-pass-2030");
		String phone = "+12025550471";
		String id = coach.postForEntity("/api/participants", Map.of("name", "Lu Mendez", "phone", phone, "timeZone",
				"America/New_York", "checkInTime", "10:00", "channel", "WHATSAPP"), JsonNode.class).getBody().get("id")
			.asText();

		// The welcome is free-form text outside the window: it goes by SMS the same way. The check-in is what follows.
		assertThat(byChannel(welcomes(coach, phone, true), "SMS").get("status").asText()).isEqualTo("SENT");

		// Outside the window, with no template configured, the check-in goes by SMS.
		assertThat(coach.postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		JsonNode sent = messages(coach, phone);
		assertThat(sent).hasSize(2);
		JsonNode bySms = byChannel(sent, "SMS");
		JsonNode onWhatsApp = byChannel(sent, "WHATSAPP");
		assertThat(bySms.get("body").asText()).startsWith("Hi Lu, it's check-in time.");
		assertThat(bySms.get("status").asText()).isEqualTo("SENT");
		assertThat(onWhatsApp.get("status").asText()).isEqualTo("FAILED");
		assertThat(bySms.get("fallbackOf").asText()).isEqualTo(onWhatsApp.get("id").asText());

		// Lu answers on WhatsApp: the window opens, and the reply goes there as free-form text.
		JsonNode reply = coach.postForEntity("/api/simulator/inbound", Map.of("from", "whatsapp:" + phone, "body", "4"),
				JsonNode.class).getBody();
		assertThat(reply.get("outcome").asText()).isEqualTo("HANDLED");
		JsonNode latest = reply.get("latestToSender").get(0);
		assertThat(latest.get("body").asText()).isEqualTo("Thank you. Any cravings today? (yes/no)");
		assertThat(latest.get("channel").asText()).isEqualTo("WHATSAPP");
		assertThat(latest.get("template").isNull()).isTrue();

		// Reported undelivered, it goes once more by SMS.
		ResponseEntity<JsonNode> reported = coach.postForEntity("/api/simulator/status", Map.of("messageId",
				latest.get("id").asText(), "status", "undelivered", "errorCode", "63016"), JsonNode.class);
		assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(reported.getBody().get("deliveryStatus").asText()).isEqualTo("undelivered");
		JsonNode fallback = coach.getForObject("/api/messages/" + reported.getBody().get("fallbackId").asText(),
				JsonNode.class);
		assertThat(fallback.get("channel").asText()).isEqualTo("SMS");
		assertThat(fallback.get("status").asText()).isEqualTo("SENT");
		coach.postForEntity("/api/simulator/status", Map.of("messageId", latest.get("id").asText(), "status",
				"undelivered"), JsonNode.class);
		assertThat(messages(coach, phone).findValuesAsString("fallbackOf")).containsOnlyOnce(latest.get("id").asText());

		assertThat(coach.postForEntity("/api/simulator/status", Map.of("messageId", "nope", "status", "failed"),
				JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		// Erased, Lu's open check-in can never be missed and escalated in another test of this context.
		coach.delete("/api/participants/" + id);
	}

	private static JsonNode byChannel(JsonNode messages, String channel) {
		JsonNode found = null;
		for (JsonNode message : messages) {
			if (channel.equals(message.get("channel").asText())) {
				assertThat(found).as("one message by " + channel).isNull();
				found = message;
			}
		}
		assertThat(found).as("a message by " + channel).isNotNull();
		return found;
	}

	/** What went to the phone after the enrolment's welcome. */
	private static JsonNode messages(TestRestTemplate coach, String phone) {
		return welcomes(coach, phone, false);
	}

	private static JsonNode welcomes(TestRestTemplate coach, String phone, boolean welcome) {
		tools.jackson.databind.node.ArrayNode kept = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
		for (JsonNode message : coach.getForObject("/api/simulator/messages?to={to}", JsonNode.class, phone)) {
			if (org.reconnect.WelcomeTexts.is(message.get("body").asText()) == welcome) {
				kept.add(message);
			}
		}
		return kept;
	}
}
