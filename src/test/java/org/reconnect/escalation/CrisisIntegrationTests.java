package org.reconnect.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reconnect.LoopTestSupport;
import org.reconnect.flows.ConversationView;
import org.reconnect.messaging.ChannelKind;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.SentMessage;
import org.reconnect.participants.ParticipantId;
import org.reconnect.system.Masking;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * A crisis message, written the way people text, gets crisis resources within the same request
 * and the coach is told, in every state and on every channel: idle at night, mid check-in (a
 * number in front, a "no" in front), paused, from a number nobody enrolled, on WhatsApp and in
 * the web chat; in the person's language, and never promising a coach to someone who has none.
 * (After STOP: EscalationIntegrationTests; the coach at 03:00: LoopIntegrationTests.)
 */
class CrisisIntegrationTests extends LoopTestSupport {

	static final String RESOURCES_EN = "You're not alone, and you matter. If you might act on these thoughts, call or "
			+ "text 988 (Suicide & Crisis Lifeline) now, or 911 if you're in danger. I've let your coach know.";

	@Autowired
	Messenger messenger;

	private final List<String> enrolled = new ArrayList<>();
	private final List<String> strangers = new ArrayList<>();

	@AfterEach
	void eraseParticipantsAndCloseStrangersNotices() {
		enrolled.forEach(id -> coach().delete("/api/participants/" + id));
		JsonNode open = coach().getForObject("/api/attention?open=true", JsonNode.class);
		StreamSupport.stream(open.spliterator(), false)
			.filter(item -> strangers.contains(item.path("maskedPhone").asText()))
			.forEach(item -> coach().postForEntity("/api/notices/" + item.get("id").asText() + "/acknowledgements", null,
					JsonNode.class));
	}

	@Test
	void atNightWithNothingOpenTxtSpeakGetsResourcesAndTheCoachAtOnce() {
		String phone = "+12025550601";
		String id = enrolAs("Ari Moss", phone, "en", "SMS", "12:01");
		clock.set(Instant.parse("2030-03-09T08:00:00Z")); // 03:00 in New York, inside quiet hours

		sms(phone, "honestly just wanna kmsss");

		assertThat(lastSentTo(phone)).as("no outbox drain: sent within the request").isEqualTo(RESOURCES_EN);
		assertCoachToldAbout("Ari Moss", id);
	}

	@Test
	void aNumberInFrontOfCrisisWordsOnTheMoodQuestionIsNotTakenAsTheMood() {
		String phone = "+12025550602";
		String id = enrolAs("Bo Reyes", phone, "en", "SMS", "12:02");
		checkInNow(id);

		sms(phone, "2 and everyone would be better off without me");

		assertThat(lastSentTo(phone)).isEqualTo(RESOURCES_EN);
		assertCoachToldAbout("Bo Reyes", id);
		ConversationView open = conversations.open(new ParticipantId(id)).orElseThrow();
		assertThat(open.state()).isEqualTo("mood");
		assertThat(open.replies()).isZero();
		assertThat(open.answers()).doesNotContainKey("mood");
	}

	@Test
	void aCrisisMessageStartingWithNoOnAYesNoQuestionIsNotTakenAsNo() {
		String phone = "+12025550603";
		String id = enrolAs("Cam Ortiz", phone, "en", "SMS", "12:03");
		checkInNow(id);
		sms(phone, "4");
		assertThat(lastSentTo(phone)).isEqualTo("Thank you. Any cravings today? (yes/no)");

		sms(phone, "no. i cant do this anymore, goodbye everyone");

		assertThat(lastSentTo(phone)).isEqualTo(RESOURCES_EN);
		assertCoachToldAbout("Cam Ortiz", id);
		ConversationView open = conversations.open(new ParticipantId(id)).orElseThrow();
		assertThat(open.state()).isEqualTo("cravings");
		assertThat(open.answers()).doesNotContainKey("cravings");
	}

	@Test
	void aSpanishCrisisStartingWithNoGetsSpanishResourcesAndStaysOnTheQuestion() {
		String phone = "+12025550604";
		String id = enrolAs("Dalia Ruiz", phone, "es", "SMS", "12:04");
		checkInNow(id);
		sms(phone, "4");

		sms(phone, "no, ya no kiero vivir");

		assertThat(lastSentTo(phone)).startsWith("Tu vida importa y no tienes que pasar por esto a solas.")
			.contains("988 y marca 2", "AYUDA", "911", "Ya le avisé a tu coach.");
		assertCoachToldAbout("Dalia Ruiz", id);
		assertThat(conversations.open(new ParticipantId(id)).orElseThrow().state()).isEqualTo("cravings");
	}

	@Test
	void whilePausedAnOverdoseGetsTheEmergencyTextAndTheCoach() {
		String phone = "+12025550605";
		String id = enrolAs("Eli Park", phone, "en", "SMS", "12:05");
		ResponseEntity<JsonNode> paused = coach().postForEntity("/api/participants/" + id + "/pause",
				Map.of("until", "2030-03-15T13:00:00Z"), JsonNode.class);
		assertThat(paused.getStatusCode()).isEqualTo(HttpStatus.OK);

		sms(phone, "i took all my pills");

		assertThat(lastSentTo(phone)).startsWith("If someone has taken too much, isn't breathing or won't wake up, call "
				+ "911 now.").endsWith("I've let your coach know.");
		assertCoachToldAbout("Eli Park", id);
	}

	@Test
	void aNumberNobodyEnrolledGetsResourcesInTheirLanguageWithoutACoach() {
		String english = "+12025550606";
		String spanish = "+12025550607";
		strangers.add(Masking.phone(english));
		strangers.add(Masking.phone(spanish));

		sms(english, "i really really want to dieee");
		sms(spanish, "me quiero morir");

		assertThat(lastSentTo(english)).isEqualTo("You're not alone, and you matter. If you might act on these "
				+ "thoughts, call or text 988 (Suicide & Crisis Lifeline) now, day or night, or call 911 if you're in danger.");
		assertThat(lastSentTo(spanish)).startsWith("Tu vida importa").contains("988 y marca 2", "911");
		assertThat(lastSentTo(english) + lastSentTo(spanish)).as("nobody's participant: no coach to promise")
			.doesNotContainIgnoringCase("coach");
		JsonNode notices = coach().getForObject("/api/attention?open=true", JsonNode.class);
		assertThat(notices.findValuesAsString("maskedPhone")).contains(Masking.phone(english), Masking.phone(spanish));
	}

	@Test
	void aParticipantWithAMexicanNumberGetsTheLinesAMexicanPhoneCanCall(CapturedOutput output) {
		String phone = "+525512340612";
		String id = enrolAs("Luz Ramos", phone, "es", "SMS", "12:12");

		sms(phone, "me quiero morir");

		assertThat(lastSentTo(phone)).as("the organisation is in the US; her phone is Mexican")
			.startsWith("Tu vida importa y no tienes que pasar por esto a solas.")
			.contains("Línea de la Vida", "800 911 2000")
			.endsWith("Ya le avisé a tu coach.")
			.doesNotContain("988");
		assertCoachToldAbout("Luz Ramos", id);
		assertThat(output).contains("crisis resources of region MX (from their number)").doesNotContain(phone);
	}

	@Test
	void aNumberNobodyEnrolledGetsTheLinesOfItsCountryOrTheGeneralTextNeverAnotherCountrysNumbers() {
		String spain = "+34600000641";
		String britain = "+447400123641";
		strangers.add(Masking.phone(spain));
		strangers.add(Masking.phone(britain));

		sms(spain, "me quiero morir");
		sms(britain, "i want to kill myself");

		assertThat(lastSentTo(spain)).startsWith("Tu vida importa").contains("024", "112").doesNotContain("988", "911");
		assertThat(lastSentTo(britain)).as("no texts for the UK: 988 cannot be called from a British phone")
			.isEqualTo("You're not alone, and you matter. If you might act on these thoughts or you're in danger, call "
					+ "your local emergency number or a crisis line now.");
	}

	@Test
	void inTheWebChatAParticipantGetsTheLinesOfTheirEnrolledNumberAndSomeoneNobodyEnrolledTheOrganisations() {
		String mexican = "+525512340614";
		enrolAs("Sol Vera", mexican, "es", "SMS", "12:14");
		String link = "+34600000643";
		strangers.add(Masking.phone(link));

		webChat(mexican, "me quiero morir");
		webChat(link, "me quiero morir");

		assertThat(messenger.recent(mexican, 1).get(0).body()).contains("Línea de la Vida").doesNotContain("988");
		assertThat(messenger.recent(link, 1).get(0).body()).as("a link's number says nothing of where they are")
			.contains("988 y marca 2")
			.doesNotContain("024");
	}

	@Test
	void anAllyWithASpanishPhoneReadsSpainsEmergencyNumber() {
		String phone = "+12025550613";
		String ally = "+34600000642";
		String id = enrolAs("Noa Gil", phone, "es", "SMS", "12:13");
		ResponseEntity<JsonNode> invited = coach().postForEntity("/api/participants/" + id + "/allies",
				Map.of("name", "Eva Soto", "phone", ally, "kinds", List.of("MISSED_CHECK_INS", "CRISIS")), JsonNode.class);
		assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		sms(ally, "SI");

		sms(phone, "quiero morirme");

		assertThat(lastSentTo(phone)).as("her own phone is a US one").contains("988");
		assertThat(lastSentTo(ally)).startsWith("Hola Eva, a Noa le vendría bien una voz cercana")
			.endsWith("llama al 112.")
			.doesNotContain("911");
	}

	@Test
	void onWhatsAppTheResourcesGoBackOnWhatsApp() {
		String phone = "+12025550608";
		String id = enrolAs("Fay Lim", phone, "en", "WHATSAPP", "12:06");

		Map<String, String> params = smsParams("whatsapp:" + phone, "i wanna unalive myself");
		params.put("To", "whatsapp:" + WHATSAPP_FROM);
		assertThat(postWebhook(params, sign(params)).getStatusCode()).isEqualTo(HttpStatus.OK);

		assertThat(sentTo("whatsapp:" + phone)).containsExactly(RESOURCES_EN);
		assertThat(sentTo(phone)).as("nothing by SMS").isEmpty();
		assertCoachToldAbout("Fay Lim", id);
	}

	@Test
	void inTheWebChatTheResourcesAppearInTheChat() {
		String phone = "+12025550609";
		String id = enrolAs("Gus Hart", phone, "en", "SMS", "12:07");
		String token = coach().postForEntity("/api/web-chat/links", Map.of("phone", phone), JsonNode.class)
			.getBody()
			.get("token")
			.asText();

		ResponseEntity<Void> written = http.postForEntity("/chat/" + token + "/messages",
				Map.of("body", "this is my last message. tell my kids i love them"), Void.class);

		assertThat(written.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		SentMessage resources = messenger.recent(phone, 1).get(0);
		assertThat(resources.body()).isEqualTo(RESOURCES_EN);
		assertThat(resources.channel()).isEqualTo(ChannelKind.WEB);
		assertThat(resources.status()).isEqualTo("SENT");
		assertThat(sentTo(phone)).as("nothing by SMS").isEmpty();
		assertCoachToldAbout("Gus Hart", id);
	}

	@Test
	void aParticipantWhoWritesInTheOtherLanguageIsAnsweredInTheLanguageTheyWrote() {
		String phone = "+12025550610";
		String id = enrolAs("Hana Vega", phone, "es", "SMS", "12:08");

		sms(phone, "my boyfriend is hitting me");

		assertThat(lastSentTo(phone)).isEqualTo("If you're in danger right now, call 911. The National Domestic "
				+ "Violence Hotline is there day and night: call 1-800-799-7233 or text START to 88788. I've let your "
				+ "coach know.");
		assertCoachToldAbout("Hana Vega", id);
	}

	@Test
	void lookAlikesAreOrdinaryAnswers() {
		String phone = "+12025550611";
		String id = enrolAs("Ivy Cole", phone, "en", "SMS", "12:09");
		checkInNow(id);

		sms(phone, "4 killing it at work, dying to see my kids");

		assertThat(lastSentTo(phone)).isEqualTo("Thank you. Any cravings today? (yes/no)");
		ConversationView open = conversations.open(new ParticipantId(id)).orElseThrow();
		assertThat(open.state()).isEqualTo("cravings");
		assertThat(open.answers()).containsKey("mood");
		assertThat(sentTo(COACH_PHONE)).noneMatch(text -> text.contains("Ivy Cole"));
	}

	// --- helpers ---

	/** Each participant has a check-in time of their own, so no other test's slot ever holds them. */
	private String enrolAs(String name, String phone, String language, String channel, String checkInTime) {
		Map<String, Object> request = new LinkedHashMap<>(Map.of("name", name, "phone", phone, "timeZone",
				"America/New_York", "checkInTime", checkInTime, "language", language, "channel", channel));
		ResponseEntity<JsonNode> response = coach().postForEntity("/api/participants", request, JsonNode.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String id = response.getBody().get("id").asText();
		enrolled.add(id);
		// with no WhatsApp window and no web chat link open yet, the welcome goes by SMS, whatever the channel
		welcomed(phone);
		return id;
	}

	/** Writes in a web chat link made for the number. */
	private void webChat(String phone, String body) {
		String token = coach().postForEntity("/api/web-chat/links", Map.of("phone", phone), JsonNode.class)
			.getBody()
			.get("token")
			.asText();
		assertThat(http.postForEntity("/chat/" + token + "/messages", Map.of("body", body), Void.class).getStatusCode())
			.isEqualTo(HttpStatus.ACCEPTED);
	}

	private void checkInNow(String id) {
		assertThat(coach().postForEntity("/api/participants/" + id + "/check-ins", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
	}

	/** The coach got the crisis SMS naming the participant, and the notice waits in the attention list. */
	private void assertCoachToldAbout(String name, String id) {
		assertThat(lastSentTo(COACH_PHONE)).startsWith("Reconnect: " + name + " just wrote in crisis.");
		JsonNode attention = coach().getForObject("/api/attention?open=true", JsonNode.class);
		assertThat(StreamSupport.stream(attention.spliterator(), false)
			.filter(item -> id.equals(item.path("participantId").asText()))
			.map(item -> item.get("kind").asText())).contains("CRISIS");
	}
}
