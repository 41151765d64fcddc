package org.reconnect.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reconnect.ConsoleSession;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.OutboxTestAccess;
import org.reconnect.scheduling.CheckInSlots;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * A participant's first contact: a welcome on enrolment (API and console alike), in their
 * language, held in their night; and an onboarding "no" to daily check-ins that holds.
 */
class WelcomeIntegrationTests extends SimulatorAppTestBase {

	@Autowired
	TestRestTemplate http;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	@Autowired
	ConversationRuntime conversations;

	@Autowired
	CheckInSlots checkIns;

	@Autowired
	ParticipantService participants;

	@LocalServerPort
	int port;

	@AfterEach
	void clockBack() {
		clock.set(START);
	}

	@Test
	void anEnrolmentByApiSendsAWelcomeInTheirLanguageNamingTheCoachAndTheCheckInTime() {
		String tess = enrol("Tess Moreno", "+12025550861", "09:40", "en");
		assertThat(messagesTo("+12025550861")).containsExactly("Hi Tess, this is Reconnect. Your coach coach set up a "
				+ "short check-in for you once a day at 09:40. Text HELP for options or STOP to stop.");
		assertThat(conversations.open(new ParticipantId(tess))).as("a notice, not a conversation").isEmpty();

		// enrolled again after erasure: someone new to us, so a new welcome
		assertThat(coach().exchange("/api/participants/" + tess, org.springframework.http.HttpMethod.DELETE, null,
				Void.class).getStatusCode().is2xxSuccessful()).isTrue();
		enrol("Tess Moreno", "+12025550861", "09:40", "en");
		assertThat(messagesTo("+12025550861")).containsExactly("Hi Tess, this is Reconnect. Your coach coach set up a "
				+ "short check-in for you once a day at 09:40. Text HELP for options or STOP to stop.");

		enrol("Lucía Vega", "+12025550862", "10:10", "es");
		assertThat(messagesTo("+12025550862")).containsExactly("Hola Lucía, te escribe Reconnect. Tu coach coach preparó "
				+ "un check-in corto para ti, una vez al día a las 10:10. Escribe AYUDA para ver opciones o PARAR para no "
				+ "recibir más.");
	}

	@Test
	void aNumberThatTextedStopGetsNoWelcome() {
		String phone = "+12025550867";
		text(phone, "STOP");
		ConsoleSession console = new ConsoleSession(port);
		console.signIn("coach", "sim-pass-2030");
		HttpResponse<String> enrolled = console.submit("/participants/new", "/participants/new", Map.of("name",
				"Omar Haddad", "phone", phone, "timeZone", "America/New_York", "checkInTime", "09:55", "language", "en"));
		assertThat(console.get(path(enrolled)).body()).contains("Their number texted STOP, so no welcome was sent");
		OutboxTestAccess.drain(context);
		assertThat(messagesTo(phone)).noneMatch(body -> body.contains("this is Reconnect"));
		assertThat(messages(phone, "QUEUED")).isEmpty();
	}

	@Test
	void aWelcomeAtNightInTheirZoneIsHeldUntilTheirQuietHoursEnd() {
		clock.set(Instant.parse("2030-03-09T04:30:00Z")); // 23:30 in New York
		enrol("Nell Ortiz", "+12025550863", "09:45", "en");
		assertThat(messagesTo("+12025550863")).isEmpty();
		assertThat(messages("+12025550863", "QUEUED")).as("held in the outbox").hasSize(1);

		clock.set(Instant.parse("2030-03-09T12:59:00Z")); // 07:59
		OutboxTestAccess.drain(context);
		assertThat(messagesTo("+12025550863")).as("still night for Nell").isEmpty();

		clock.set(Instant.parse("2030-03-09T13:00:00Z")); // 08:00, their quiet hours end
		OutboxTestAccess.drain(context);
		assertThat(messagesTo("+12025550863")).containsExactly("Hi Nell, this is Reconnect. Your coach coach set up a "
				+ "short check-in for you once a day at 09:45. Text HELP for options or STOP to stop.");
	}

	@Test
	void theConsoleEnrolFormSendsTheSameWelcomeAndSaysSo() {
		ConsoleSession console = new ConsoleSession(port);
		console.signIn("coach", "sim-pass-2030");
		HttpResponse<String> enrolled = console.submit("/participants/new", "/participants/new", Map.of("name",
				"Rosa Diaz", "phone", "+12025550864", "timeZone", "America/New_York", "checkInTime", "09:35",
				"language", "en"));
		assertThat(enrolled.statusCode()).isEqualTo(302);
		assertThat(messagesTo("+12025550864")).containsExactly("Hi Rosa, this is Reconnect. Your coach coach set up a "
				+ "short check-in for you once a day at 09:35. Text HELP for options or STOP to stop.");
		String page = console.get(path(enrolled)).body();
		assertThat(page).contains("Rosa Diaz is enrolled, and a welcome text is on its way to them.");

		clock.set(Instant.parse("2030-03-09T04:30:00Z")); // 23:30 in New York
		HttpResponse<String> atNight = console.submit("/participants/new", "/participants/new", Map.of("name",
				"Kai Lund", "phone", "+12025550865", "timeZone", "America/New_York", "checkInTime", "09:35",
				"language", "en"));
		assertThat(messagesTo("+12025550865")).isEmpty();
		assertThat(console.get(path(atNight)).body())
			.contains("It is night for them, so their welcome text is held until 08:00 their time.");
	}

	@Test
	void sayingNoToDailyCheckInsStopsThemTheCoachSeesItAndStartBringsThemBack() {
		String phone = "+12025550866";
		String id = enrol("Dara Quinn", phone, "09:50", "en");
		coach().postForEntity("/api/participants/" + id + "/conversations", Map.of("flow", "onboarding"), JsonNode.class);
		JsonNode reply = text(phone, "no");
		assertThat(reply.findValuesAsString("body")).contains(
				"That's fine. You won't get daily check-ins. Text START if you change your mind, or STOP to stop everything.");

		// the coach sees it: paused on the caseload, and why on the participant's page
		assertThat(statusInCaseload(id)).isEqualTo("PAUSED");
		ConsoleSession console = new ConsoleSession(port);
		console.signIn("coach", "sim-pass-2030");
		assertThat(console.get("/participants/" + id).body()).contains("Dara said no to daily check-ins");

		clock.set(Instant.parse("2030-03-09T14:50:00Z")); // Saturday 09:50 in New York
		participants.endDuePauses(); // as the sweep does: a pause with no end is not due
		assertThat(statusInCaseload(id)).isEqualTo("PAUSED");
		checkIns.fire("America/New_York@09:50");
		OutboxTestAccess.drain(context);
		assertThat(messagesTo(phone)).noneMatch(body -> body.contains("check-in time"));

		text(phone, "START");
		assertThat(statusInCaseload(id)).isEqualTo("ACTIVE");
		clock.set(Instant.parse("2030-03-10T13:50:00Z")); // Sunday 09:50 in New York (EDT)
		checkIns.fire("America/New_York@09:50");
		OutboxTestAccess.drain(context);
		assertThat(messagesTo(phone)).anyMatch(body -> body.startsWith("Hi Dara, it's check-in time."));
	}

	@Test
	void aSpanishSpeakerWhoSaysNoIsToldTheSpanishWordThatBringsThemBackAndItDoes() {
		String phone = "+12025550878";
		String id = enrol("Inés Prado", phone, "09:50", "es");
		coach().postForEntity("/api/participants/" + id + "/conversations", Map.of("flow", "onboarding"), JsonNode.class);
		assertThat(text(phone, "no gracias").findValuesAsString("body")).contains(
				"Está bien. No recibirás check-ins diarios. Escribe INICIAR si cambias de idea, o PARAR para no recibir nada.");
		assertThat(statusInCaseload(id)).isEqualTo("PAUSED");

		text(phone, "iniciar");
		assertThat(statusInCaseload(id)).isEqualTo("ACTIVE");
	}

	private static String path(HttpResponse<String> redirect) {
		return java.net.URI.create(redirect.headers().firstValue("Location").orElseThrow()).getPath();
	}

	private TestRestTemplate coach() {
		return http.withBasicAuth("coach", "sim-pass-2030");
	}

	private String enrol(String name, String phone, String time, String language) {
		ResponseEntity<JsonNode> response = coach().postForEntity("/api/participants", Map.of("name", name, "phone", phone,
				"timeZone", "America/New_York", "checkInTime", time, "language", language), JsonNode.class);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
		return response.getBody().get("id").asText();
	}

	/** What went to the simulated phone, oldest first (not what waits in the outbox). */
	private List<String> messagesTo(String phone) {
		return messages(phone, "SENT");
	}

	private List<String> messages(String phone, String status) {
		List<String> bodies = new ArrayList<>();
		for (JsonNode message : coach().getForObject("/api/simulator/messages?to={to}", JsonNode.class, phone)) {
			if (message.get("status").asText().equals(status)) {
				bodies.add(0, message.get("body").asText()); // the simulator lists the newest first
			}
		}
		return bodies;
	}

	private JsonNode text(String from, String body) {
		return coach().postForObject("/api/simulator/inbound", Map.of("from", from, "body", body), JsonNode.class);
	}

	private String statusInCaseload(String id) {
		for (JsonNode participant : coach().getForObject("/api/participants", JsonNode.class)) {
			if (participant.get("id").asText().equals(id)) {
				return participant.get("status").asText();
			}
		}
		throw new AssertionError("not in the caseload: " + id);
	}
}
