package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.reconnect.ConsoleBrowser;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.TestCoaches;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

import tools.jackson.databind.JsonNode;

/**
 * Who sees which crisis notice, in the alerts inbox and the API alike: a coach those of their own
 * participants (never another coach's); a supervisor every caseload's, and those from numbers
 * nobody has enrolled, shown only masked; and who may acknowledge them.
 */
class AlertsInboxIntegrationTests extends SimulatorAppTestBase {

	static final String CORAS_PHONE = "+12025550851";
	static final String DEXS_PHONE = "+12025550852";
	static final String STRANGER = "+12025550859";
	static final String STRANGER_MASKED = "+1********59";

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	MutableClock clock;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	ParticipantService participants;

	ParticipantProfile coras;
	ParticipantProfile dexs;

	@BeforeEach
	void twoCoachesTwoParticipantsAndAStranger() {
		clock.set(START);
		TestCoaches.ensure(mongo, encoder, "cora", "cora-pass-1");
		TestCoaches.ensure(mongo, encoder, "dex", "dex-pass-1");
		coras = participants.enrol(new EnrolParticipant("Nell Ford", CORAS_PHONE, "America/New_York", "10:51", "en"), "cora");
		dexs = participants.enrol(new EnrolParticipant("Otto Vance", DEXS_PHONE, "America/New_York", "10:52", "en"), "dex");
		text(CORAS_PHONE, "I cant go on like this");
		text(DEXS_PHONE, "I want to end it all");
		text(STRANGER, "thinking about suicide tonight");
	}

	@AfterEach
	void eraseThemAndLeaveNoNoticeOpen() {
		participants.erase(coras.id());
		participants.erase(dexs.id());
		StreamSupport.stream(supervisorsInbox().spliterator(), false)
			.filter(item -> STRANGER_MASKED.equals(item.path("maskedPhone").asText()))
			.forEach(item -> api("coach").postForEntity("/api/notices/" + item.get("id").asText() + "/acknowledgements",
					null, JsonNode.class));
		clock.set(START);
	}

	@Test
	void aCoachSeesTheCrisisNoticesOfTheirOwnParticipantsOnly() {
		JsonNode open = api("cora").getForObject("/api/attention?open=true", JsonNode.class);
		assertThat(open.findValuesAsString("participantId")).contains(coras.id().value()).doesNotContain(dexs.id().value());
		assertThat(open.toString()).as("no notice from a number nobody has enrolled")
			.doesNotContain(STRANGER_MASKED, "2025550859");
		JsonNode history = api("cora").getForObject("/api/attention", JsonNode.class);
		assertThat(history.toString()).contains(coras.id().value()).doesNotContain(dexs.id().value());
		assertThat(history).as("nothing from a number nobody has enrolled, whatever the number")
			.noneMatch(item -> item.get("participantId").isNull());

		Browser cora = signedIn("cora");
		String page = cora.get("/alerts").body();
		assertThat(page).contains("Nell Ford", "Crisis").doesNotContain("Otto Vance", STRANGER_MASKED, "2025550859");

		// another coach's participant's notice cannot be acknowledged either: not found, as in the API
		String dexsNotice = noticeOf(supervisorsInbox(), dexs.id().value());
		assertThat(api("cora").postForEntity("/api/notices/" + dexsNotice + "/acknowledgements", null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(cora.submit("/alerts", "/alerts/" + dexs.id().value() + "/notices/" + dexsNotice + "/acknowledge",
				Map.of()).statusCode()).isEqualTo(404);
		assertThat(openNotices(supervisorsInbox())).contains(dexsNotice);

		// their own, with one click
		String corasNotice = noticeOf(open, coras.id().value());
		ResponseEntity<JsonNode> acknowledged = api("cora").postForEntity("/api/notices/" + corasNotice + "/acknowledgements",
				null, JsonNode.class);
		assertThat(acknowledged.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(acknowledged.getBody().get("acknowledgedAt").asText()).isEqualTo(START.toString());
		assertThat(api("cora").postForEntity("/api/notices/" + corasNotice + "/acknowledgements", null, JsonNode.class)
			.getStatusCode()).as("already in hand").isEqualTo(HttpStatus.CONFLICT);
		assertThat(openNotices(api("cora").getForObject("/api/attention?open=true", JsonNode.class)))
			.doesNotContain(corasNotice);
	}

	@Test
	void aSupervisorSeesEveryCaseloadsNoticesAndTheStrangersWithTheNumberMasked() {
		JsonNode open = supervisorsInbox();
		assertThat(open.findValuesAsString("participantId")).contains(coras.id().value(), dexs.id().value());
		JsonNode stranger = strangersNotice(open);
		assertThat(stranger.get("kind").asText()).isEqualTo("CRISIS");
		assertThat(stranger.get("participantId").isNull()).isTrue();
		assertThat(stranger.get("outcome").asText()).isEqualTo("RESOURCES_SENT");
		assertThat(open.toString()).doesNotContain("2025550859", "suicide");

		Browser supervisor = signedIn("coach");
		String page = supervisor.get("/alerts").body();
		String card = "id=\"notice-" + stranger.get("id").asText() + "\"";
		assertThat(page).contains("Nell Ford", "Otto Vance", card, "Not enrolled: " + STRANGER_MASKED)
			.doesNotContain("2025550859", "(202) 555-0859", "suicide");

		// plain coaches can neither see nor acknowledge it
		String strangersId = stranger.get("id").asText();
		assertThat(api("dex").postForEntity("/api/notices/" + strangersId + "/acknowledgements", null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(signedIn("dex").submit("/alerts", "/alerts/notices/" + strangersId + "/acknowledge", Map.of())
			.statusCode()).isEqualTo(404);

		// the supervisor acknowledges it on the page; it leaves the inbox and the audit says who
		HttpResponse<String> done = supervisor.submit("/alerts", "/alerts/notices/" + strangersId + "/acknowledge", Map.of());
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/alerts");
		assertThat(supervisor.get("/alerts").body()).doesNotContain(card);
		assertThat(openNotices(supervisorsInbox())).doesNotContain(strangersId);
		JsonNode history = api("coach").getForObject("/api/attention", JsonNode.class);
		assertThat(StreamSupport.stream(history.spliterator(), false)
			.filter(item -> item.get("id").asText().equals(strangersId))
			.map(item -> item.get("acknowledgedAt").asText())).containsExactly(START.toString());
	}

	@Test
	void inTheBrowserTheStrangersNoticeIsAccessibleAndAcknowledgedByKeyboard() {
		String strangersId = strangersNotice(supervisorsInbox()).get("id").asText();
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri())) {
			browser.signIn("coach", "sim-pass-2030");
			browser.go("/alerts");
			String card = "#notice-" + strangersId;
			assertThat(browser.text(card + " h2")).isEqualTo("Not enrolled: " + STRANGER_MASKED + " Crisis");
			assertThat(browser.text(card)).contains("crisis resources sent to them", "Only supervisors see this notice");
			browser.assertAccessible();

			browser.find(card + " form button").sendKeys(Keys.ENTER);
			browser.waitFor(() -> browser.text(card).contains("The notice is acknowledged."));
			assertThat(browser.findAll(card + " form")).isEmpty();
			browser.assertAccessible();
		}
		assertThat(openNotices(supervisorsInbox())).doesNotContain(strangersId);
	}

	@Test
	void theOpenApiDescriptionHasTheInboxAndTheAcknowledgement() {
		JsonNode docs = http.getForObject("/v3/api-docs", JsonNode.class);
		assertThat(docs.at("/paths/~1api~1notices~1{id}~1acknowledgements/post/summary").asText())
			.startsWith("Acknowledge a crisis or handover notice");
		assertThat(docs.at("/paths/~1api~1attention/get/parameters").findValuesAsString("name")).contains("open");
	}

	// --- helpers

	private void text(String from, String body) {
		assertThat(api("coach").postForEntity("/api/simulator/inbound", Map.of("from", from, "body", body), String.class)
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
	}

	private JsonNode supervisorsInbox() {
		return api("coach").getForObject("/api/attention?open=true", JsonNode.class);
	}

	private JsonNode strangersNotice(JsonNode items) {
		List<JsonNode> fromStranger = StreamSupport.stream(items.spliterator(), false)
			.filter(item -> STRANGER_MASKED.equals(item.path("maskedPhone").asText()))
			.toList();
		assertThat(fromStranger).as("the stranger's open notice").isNotEmpty();
		return fromStranger.get(0);
	}

	private static String noticeOf(JsonNode items, String participantId) {
		return StreamSupport.stream(items.spliterator(), false)
			.filter(item -> participantId.equals(item.path("participantId").asText()) && "CRISIS".equals(item.get("kind").asText()))
			.map(item -> item.get("id").asText())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no crisis notice for " + participantId + " in " + items));
	}

	private static List<String> openNotices(JsonNode items) {
		return items.findValuesAsString("id");
	}

	private TestRestTemplate api(String coach) {
		return http.withBasicAuth(coach, coach.equals("coach") ? "sim-pass-2030" : coach + "-pass-1");
	}

	private Browser signedIn(String coach) {
		Browser browser = new Browser(port);
		assertThat(browser.signIn(coach, coach.equals("coach") ? "sim-pass-2030" : coach + "-pass-1").statusCode()).isEqualTo(302);
		return browser;
	}
}
