package org.reconnect.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.messaging.Messenger;
import org.reconnect.messaging.SentMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * The phone simulator and transcript runs follow the caseload rule: a coach reads and writes only
 * as their own participants and those participants' allies (another caseload's number is "not
 * found", like a number nobody has); what acts on everyone at once (the demo clock, transcript
 * runs, delivery statuses) is a supervisor's. One test per endpoint, each role in turn.
 */
class SimulatorAccessIntegrationTests extends SimulatorAppTestBase {

	static final String PASSWORD = "correct horse battery";

	static final String ANAS = "+12025550881";

	static final String ANAS_ALLY = "+12025550882";

	static final String BENS = "+12025550883";

	static final String BENS_ALLY = "+12025550884";

	@Autowired
	TestRestTemplate http;

	@Autowired
	MutableClock clock;

	@Autowired
	Messenger messenger;

	@LocalServerPort
	int port;

	String anasId;

	String bensId;

	@BeforeEach
	void caseloads() {
		clock.set(START);
		ensureCoach("ana");
		ensureCoach("ben");
		anasId = enrolOnce(as("ana"), "Ada Simms", ANAS);
		bensId = enrolOnce(as("ben"), "Bo Simms", BENS);
		allyOnce(as("ana"), anasId, "Al", ANAS_ALLY);
		allyOnce(as("ben"), bensId, "Bea", BENS_ALLY);
	}

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void readingWhatWasSentToANumber() {
		assertThat(as("ana").getForEntity("/api/simulator/messages?to={to}", JsonNode.class, ANAS).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(as("ana").getForEntity("/api/simulator/messages?to={to}", JsonNode.class, ANAS_ALLY).getStatusCode())
			.as("an ally of her own participant").isEqualTo(HttpStatus.OK);
		ResponseEntity<JsonNode> other = as("ana").getForEntity("/api/simulator/messages?to={to}", JsonNode.class, BENS);
		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(other.getBody().toString()).doesNotContain("Simms");
		assertThat(as("ana").getForEntity("/api/simulator/messages?to={to}", JsonNode.class, BENS_ALLY).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(as("ana").getForEntity("/api/simulator/messages?to={to}", JsonNode.class, "+12025550889")
			.getStatusCode()).as("a number nobody has: the same answer").isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(supervisor().getForEntity("/api/simulator/messages?to={to}", JsonNode.class, BENS_ALLY).getBody()
			.findValuesAsString("to")).isNotEmpty().containsOnly(BENS_ALLY);
		assertThat(anonymous().getForEntity("/api/simulator/messages?to={to}", JsonNode.class, ANAS).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void readingEverythingShowsACoachOnlyTheirOwnNumbers() {
		JsonNode anas = as("ana").getForObject("/api/simulator/messages?limit=200", JsonNode.class);
		assertThat(anas.findValuesAsString("to")).contains(ANAS_ALLY).doesNotContain(BENS, BENS_ALLY);
		JsonNode bens = as("ben").getForObject("/api/simulator/messages?limit=200", JsonNode.class);
		assertThat(bens.findValuesAsString("to")).contains(BENS_ALLY).doesNotContain(ANAS, ANAS_ALLY);
		// a supervisor reads the newest messages to every number, unfiltered
		assertThat(supervisor().getForObject("/api/simulator/messages?limit=50", JsonNode.class).findValuesAsString("id"))
			.isEqualTo(messenger.recent((String) null, 50).stream().map(SentMessage::id).toList());
		assertThat(anonymous().getForEntity("/api/simulator/messages", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void writingInAsANumber() {
		assertThat(as("ana").postForEntity("/api/simulator/inbound", Map.of("from", ANAS, "body", "hello"), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		// as another coach's participant: no ally planted, nothing received
		long before = sentTo(BENS_ALLY) + sentTo("+12025550885");
		ResponseEntity<JsonNode> planted = as("ana").postForEntity("/api/simulator/inbound",
				Map.of("from", BENS, "body", "ALLY Eve (202) 555-0885"), JsonNode.class);
		assertThat(planted.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(as("ana").postForEntity("/api/simulator/inbound",
				Map.of("from", "whatsapp:" + BENS, "body", "hi"), JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		// nor as their ally, who would grant consent with YES
		assertThat(as("ana").postForEntity("/api/simulator/inbound", Map.of("from", BENS_ALLY, "body", "YES"), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(supervisor().getForObject("/api/participants/" + bensId + "/allies", JsonNode.class)
			.findValuesAsString("consent")).containsOnly("REQUESTED");
		assertThat(sentTo(BENS_ALLY) + sentTo("+12025550885")).isEqualTo(before);

		assertThat(supervisor().postForEntity("/api/simulator/inbound", Map.of("from", BENS, "body", "hello"),
				JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(anonymous().postForEntity("/api/simulator/inbound", Map.of("from", ANAS, "body", "hello"),
				JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aNumberSharedWithAnotherCaseloadIsNotTheCoachs() {
		// Ana's participant names one of Ben's participants as an ally: the number is in both caseloads
		String both = "+12025550886";
		enrolOnce(as("ben"), "Cy Simms", both);
		allyOnce(as("ana"), anasId, "Cy", both);
		assertThat(as("ana").getForEntity("/api/simulator/messages?to={to}", JsonNode.class, both).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(as("ana").postForEntity("/api/simulator/inbound", Map.of("from", both, "body", "STOP"), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(as("ana").getForObject("/api/simulator/messages?limit=200", JsonNode.class).findValuesAsString("to"))
			.doesNotContain(both);
		assertThat(as("ben").getForEntity("/api/simulator/messages?to={to}", JsonNode.class, both).getStatusCode())
			.as("nor Ben's alone").isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void reportingADeliveryStatusIsASupervisors() {
		String anasMessage = as("ana").getForObject("/api/simulator/messages?to={to}", JsonNode.class, ANAS_ALLY)
			.get(0).get("id").asText();
		Map<String, String> undelivered = Map.of("messageId", anasMessage, "status", "undelivered", "errorCode", "30003");

		assertThat(as("ana").postForEntity("/api/simulator/status", undelivered, JsonNode.class).getStatusCode())
			.as("even for her own participant's message: statuses go by message id").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as("ben").postForEntity("/api/simulator/status", undelivered, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(anonymous().postForEntity("/api/simulator/status", undelivered, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(supervisor().getForObject("/api/messages/{id}", JsonNode.class, anasMessage).toString())
			.doesNotContainIgnoringCase("undelivered");
		assertThat(supervisor().postForEntity("/api/simulator/status", undelivered, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void readingTheDemoClockIsAnyCoachs() {
		assertThat(as("ana").getForEntity("/api/simulator/clock", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(supervisor().getForEntity("/api/simulator/clock", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(anonymous().getForEntity("/api/simulator/clock", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void jumpingTheDemoClockIsASupervisors() {
		Map<String, String> jump = Map.of("by", "+2h");
		assertThat(as("ana").postForEntity("/api/simulator/clock/jumps", jump, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(anonymous().postForEntity("/api/simulator/clock/jumps", jump, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(clock.instant()).as("nobody moved the clock").isEqualTo(START);
		assertThat(supervisor().postForEntity("/api/simulator/clock/jumps", jump, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(clock.instant()).isAfter(START);
	}

	@Test
	void resettingTheDemoClockIsASupervisors() {
		assertThat(as("ana").postForEntity("/api/simulator/clock/reset", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(anonymous().postForEntity("/api/simulator/clock/reset", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(supervisor().postForEntity("/api/simulator/clock/reset", null, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void runningTranscriptsIsASupervisors() {
		// a run moves the shared clock and runs every conversation's timeouts
		assertThat(as("ana").postForEntity("/api/flows/weekly-reflection/transcript-runs", null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(anonymous().postForEntity("/api/flows/weekly-reflection/transcript-runs", null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(supervisor().postForEntity("/api/flows/no-such-flow/transcript-runs", null, JsonNode.class)
			.getStatusCode()).as("past the access rule, to the flow lookup").isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void readingTheLatestTranscriptRunIsAnyCoachs() {
		// it shows throwaway test participants only
		assertThat(as("ana").getForEntity("/api/flows/no-such-flow/transcript-runs/latest", JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(anonymous().getForEntity("/api/flows/weekly-reflection/transcript-runs/latest", JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void theSimulatorPageLetsOnlyASupervisorMoveTheClockOrRunTranscripts() {
		Browser ana = new Browser(port);
		ana.signIn("ana", PASSWORD);
		assertThat(ana.get("/simulator").body()).doesNotContain("action=\"/simulator/clock\"")
			.contains("The demo clock is shared by everyone");
		assertThat(ana.submit("/simulator", "/simulator/clock", Map.of("by", "+1d")).statusCode()).isEqualTo(403);
		assertThat(ana.submit("/simulator", "/simulator/clock/reset", Map.of()).statusCode()).isEqualTo(403);
		assertThat(ana.submit("/simulator", "/flows/daily-checkin/transcripts", Map.of()).statusCode()).isEqualTo(403);
		assertThat(ana.get("/flows/daily-checkin").body()).doesNotContain("/flows/daily-checkin/transcripts");
		assertThat(clock.instant()).isEqualTo(START);
		HttpResponse<String> theirs = ana.get("/simulator?participant=" + bensId);
		assertThat(theirs.statusCode()).isEqualTo(404);

		Browser supervisor = new Browser(port);
		supervisor.signIn("coach", "sim-pass-2030");
		assertThat(supervisor.get("/simulator").body()).contains("action=\"/simulator/clock\"");
		assertThat(supervisor.submit("/simulator", "/simulator/clock", Map.of("by", "+1h")).statusCode()).isEqualTo(302);
		assertThat(clock.instant()).isAfter(START);
	}

	// --- helpers

	private long sentTo(String number) {
		return supervisor().getForObject("/api/simulator/messages?to={to}&limit=200", JsonNode.class, number).size();
	}

	private TestRestTemplate supervisor() {
		return http.withBasicAuth("coach", "sim-pass-2030");
	}

	private TestRestTemplate as(String coach) {
		return http.withBasicAuth(coach, PASSWORD);
	}

	private TestRestTemplate anonymous() {
		return http;
	}

	private void ensureCoach(String username) {
		ResponseEntity<JsonNode> response = supervisor().postForEntity("/api/coaches",
				Map.of("username", username, "password", PASSWORD, "role", "COACH"), JsonNode.class);
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isIn(201, 409);
	}

	private String enrolOnce(TestRestTemplate coach, String name, String phone) {
		for (JsonNode participant : coach.getForObject("/api/participants", JsonNode.class)) {
			if (participant.get("phone").asText().equals(phone)) {
				return participant.get("id").asText();
			}
		}
		ResponseEntity<JsonNode> response = coach.postForEntity("/api/participants",
				Map.of("name", name, "phone", phone, "timeZone", "America/New_York", "checkInTime", "10:17"), JsonNode.class);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
		return response.getBody().get("id").asText();
	}

	private void allyOnce(TestRestTemplate coach, String participant, String name, String phone) {
		JsonNode allies = coach.getForObject("/api/participants/" + participant + "/allies", JsonNode.class);
		if (!allies.findValuesAsString("phone").contains(phone)) {
			ResponseEntity<JsonNode> invited = coach.postForEntity("/api/participants/" + participant + "/allies",
					Map.of("name", name, "phone", phone), JsonNode.class);
			assertThat(invited.getStatusCode()).as(String.valueOf(invited.getBody())).isEqualTo(HttpStatus.CREATED);
		}
	}
}
