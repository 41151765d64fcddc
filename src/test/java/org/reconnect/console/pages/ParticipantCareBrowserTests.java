package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.reconnect.ConsoleBrowser;
import org.reconnect.TestCoaches;
import org.reconnect.consent.AllyView;
import org.reconnect.consent.ConsentService;
import org.reconnect.escalation.Audience;
import org.reconnect.escalation.EscalationService;
import org.reconnect.escalation.LadderStep;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.scheduling.CheckInSlots;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * A coach's work on one participant's page in a real headless Chromium: changing their zone and
 * check-in time, naming and stopping an ally, changing the escalation ladder, writing to them and
 * reading their answer; axe-core's check on every page and state, and the phone width (390 px).
 * Each test has its own coach, so caseloads never mix.
 */
class ParticipantCareBrowserTests extends BrowserTestBase {

	@Autowired
	ParticipantService participants;

	@Autowired
	CheckInSlots checkIns;

	@Autowired
	ConsentService consent;

	@Autowired
	EscalationService escalation;

	@Autowired
	ConversationRuntime conversations;

	@Test
	void aCoachMovesSomeoneToMadridAndTheirCheckInFollows() {
		ParticipantProfile rosa = enrol("wren", "Rosa Diaz", "+12025551001");
		try (ConsoleBrowser browser = signedIn("wren")) {
			browser.go("/participants/" + rosa.id().value());
			browser.find("#edit-profile").click();
			assertThat(browser.h1()).isEqualTo("Change Rosa Diaz");
			browser.assertAccessible();
			// The zone is picked from the places offered, shown as a city with its offset.
			assertThat(browser.findAll("#zones option[value='Europe/Madrid']")).hasSize(1);
			assertThat(browser.find("#zones option[value='Europe/Madrid']").getAttribute("label"))
				.isEqualTo("Madrid (Europe), UTC+01:00");
			browser.find("#timeZone").clear();
			browser.find("#timeZone").sendKeys("Europe/Madrid");
			browser.setValue("#checkInTime", "23:30");
			browser.find("#edit-form button[type=submit]").click();

			browser.waitFor(() -> !browser.findAll("#checkInTime-error").isEmpty());
			assertThat(browser.text("#checkInTime-error")).startsWith(
					"Daily check-in time (their time) 23:30 falls in quiet hours 21:00\u201308:00");
			assertThat(browser.find("#timeZone").getAttribute("value")).isEqualTo("Europe/Madrid");
			browser.assertAccessible();
			assertThat(participants.find(rosa.id()).orElseThrow().zone().getId()).as("nothing changed yet")
				.isEqualTo("America/New_York");

			browser.setValue("#checkInTime", "10:30");
			browser.find("#edit-form button[type=submit]").click();
			browser.waitFor(() -> browser.h1().startsWith("Rosa Diaz"));
			assertThat(browser.text("[role=status]")).isEqualTo(
					"Saved. Rosa Diaz's check-in is now every day at 10:30 their time (Madrid (Europe), UTC+01:00).");
			assertThat(browser.text("#profile-heading + dl")).contains("Madrid (Europe), UTC+01:00");
			// Saturday 10:30 in Madrid, at once.
			assertThat(browser.text("#next-check-in")).isEqualTo("Sat 9 Mar, 10:30");
			assertThat(checkIns.nextCheckIn(rosa.id())).contains(Instant.parse("2030-03-09T09:30:00Z"));
			browser.assertAccessible();
		}
	}

	@Test
	void aCoachNamesAnAllyAndStopsTheirAlerts() {
		ParticipantProfile omar = enrol("yara", "Omar Said", "+12025551002");
		try (ConsoleBrowser browser = signedIn("yara")) {
			browser.go("/participants/" + omar.id().value() + "#allies");
			browser.find("#ally-name").sendKeys("Lina Said");
			browser.find("#ally-phone").sendKeys("not a phone");
			browser.find("#ally-form button[type=submit]").click();
			browser.waitFor(() -> !browser.findAll("#ally-phone-error").isEmpty());
			assertThat(browser.text("#ally-phone-error")).startsWith("Their mobile ");
			assertThat(browser.find("#ally-name").getAttribute("value")).isEqualTo("Lina Said");
			browser.assertAccessible();
			assertThat(consent.allies(omar.id())).isEmpty();

			browser.find("#ally-phone").clear();
			browser.find("#ally-phone").sendKeys("202 555 1003");
			browser.find("#ally-form button[type=submit]").click();
			browser.waitFor(() -> browser.text("[role=status]").contains("Lina Said has been asked by text"));
			assertThat(browser.text("#allies tbody tr")).contains("Lina Said", "(202) 555-1003", "Asked, no answer yet",
					"when they go quiet; when they are back in touch");
			browser.assertAccessible();

			browser.find("#allies button.revoke").click();
			browser.waitFor(() -> browser.text("[role=status]").contains("Lina Said will not be told anything any more."));
			assertThat(browser.text("#allies tbody tr")).contains("Stopped by the participant or coach");
			assertThat(consent.allies(omar.id())).extracting(AllyView::consent).containsExactly("REVOKED");
			browser.assertAccessible();
		}
	}

	@Test
	void aCoachChangesTheLadderStepByStep() {
		ParticipantProfile ana = enrol("zed", "Ana Lima", "+12025551004");
		try (ConsoleBrowser browser = signedIn("zed")) {
			browser.go("/participants/" + ana.id().value() + "#ladder");
			// The organisation's three steps, then a row for a new one.
			assertThat(browser.findAll("#ladder-form tbody tr")).hasSize(4);
			browser.find("#step-0-after").clear();
			browser.find("#step-0-after").sendKeys("3");
			browser.find("#step-2-remove").click();
			browser.find("#step-3-name").sendKeys("coach again");
			browser.find("#step-3-after").sendKeys("72");
			new Select(browser.find("#step-3-audience")).selectByValue("COACH");
			new Select(browser.find("#step-3-message")).selectByValue("gentle");
			browser.find("#step-3-repeat").sendKeys("24");
			browser.assertAccessible();
			browser.find("#ladder-form button[type=submit]").click();

			browser.waitFor(() -> browser.text("[role=status]").contains("Ladder saved: 3 steps."));
			assertThat(escalation.ladder(ana.id())).containsExactly(
					new LadderStep("nudge", Duration.ofHours(3), Audience.PARTICIPANT, "nudge", null),
					new LadderStep("coach", Duration.ofHours(24), Audience.COACH, "quiet", null),
					new LadderStep("coach again", Duration.ofHours(72), Audience.COACH, "gentle", Duration.ofHours(24)));
			assertThat(browser.find("#step-2-after").getAttribute("value")).isEqualTo("72");

			// A repeat under an hour is refused in the API's words, and nothing changes.
			browser.find("#step-2-repeat").clear();
			browser.find("#step-2-repeat").sendKeys("0.5");
			browser.find("#ladder-form button[type=submit]").click();
			browser.waitFor(() -> browser.text("#ladder").contains("Step 3: repeat every (hours): must be at least PT1H"));
			assertThat(escalation.ladder(ana.id())).hasSize(3).last().extracting(LadderStep::repeatEvery)
				.isEqualTo(Duration.ofHours(24));
			browser.assertAccessible();
		}
	}

	@Test
	void aCoachWritesAndReadsTheAnswerInTheSameThread() {
		ParticipantProfile eva = enrol("quinn", "Eva Cruz", "+12025551005");
		try (ConsoleBrowser browser = signedIn("quinn")) {
			browser.go("/participants/" + eva.id().value() + "#write");
			browser.find("#write-form button[type=submit]").click(); // empty: the browser refuses it
			assertThat(browser.findAll("#thread li")).isEmpty();
			browser.find("#text").sendKeys("Thinking of you today. How did the meeting go?");
			browser.find("#write-form button[type=submit]").click();
			browser.waitFor(() -> browser.text("[role=status]").contains("Sent to Eva."));
			assertThat(browser.text("#thread li")).contains("quinn (coach)", "(delivered)",
					"Thinking of you today. How did the meeting go?");
			assertThat(browser.text("#timeline")).contains("You to Eva",
					"quinn (your coach): Thinking of you today. How did the meeting go?");
			browser.assertAccessible();

			clock.set(START.plus(Duration.ofMinutes(20)));
			text("quinn", eva, "It went well, thank you");
			browser.go("/participants/" + eva.id().value()); // a new load: the same address with #write would only scroll
			List<String> thread = browser.findAll("#thread li").stream().map(li -> li.getText()).toList();
			assertThat(thread).hasSize(2);
			assertThat(thread.get(1)).contains("Eva replied", "It went well, thank you");
			assertThat(browser.text("#timeline")).contains("Eva replied to you");
			assertThat(conversations.history(eva.id())).as("not taken as a check-in answer").isEmpty();
			browser.assertAccessible();
		}
	}

	@Test
	void aSupervisorMovesAParticipantAndCoversACaseloadAndACoachCannot() {
		ParticipantProfile noa = enrol("vic", "Noa Levi", "+12025551007");
		TestCoaches.ensure(mongo, encoder, "wes", "wes-pass-1");
		try (ConsoleBrowser browser = signedIn("vic")) {
			browser.go("/participants/" + noa.id().value());
			assertThat(browser.findAll("#reassign-form")).as("only supervisors move participants").isEmpty();
			assertThat(browser.script("return fetch('/caseload/cover').then(r => r.status);")).isEqualTo(403L);
		}
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri())) {
			browser.signIn("coach", "sim-pass-2030");
			browser.go("/participants/" + noa.id().value());
			new Select(browser.find("#reassign-coach")).selectByValue("wes");
			browser.find("#reassign-form button[type=submit]").click();
			browser.waitFor(() -> browser.text("[role=status]").contains("Noa Levi is now in wes's caseload."));
			assertThat(participants.find(noa.id()).orElseThrow().coach()).isEqualTo("wes");
			browser.assertAccessible();

			// Wes is away: Vic covers, then it goes back.
			browser.find("#reassign-form a[href='/caseload/cover']").click();
			assertThat(browser.h1()).isEqualTo("Cover a caseload");
			browser.assertAccessible();
			new Select(browser.find("#from")).selectByValue("wes");
			new Select(browser.find("#to")).selectByValue("vic");
			browser.find("#cover-form button[type=submit]").click();
			browser.waitFor(() -> browser.text("[role=status]").contains("1 participant moved from wes to vic."));
			assertThat(participants.find(noa.id()).orElseThrow().coach()).isEqualTo("vic");
			assertThat(escalation.audit(noa.id())).filteredOn(entry -> entry.kind().name().equals("REASSIGNED"))
				.extracting(entry -> entry.subject() + ": " + entry.reason())
				.containsExactly("coach:coach: from coach vic to coach wes", "coach:coach: from coach wes to coach vic");
		}
	}

	/**
	 * Every page of a coach's day at 390 px, the participant's page with something in each part
	 * (an answered check-in on the chart, an ally, a reminder with a quiet-hours note, a message
	 * and its answer), the edit, alerts and settings pages, and a supervisor's cover page.
	 */
	@Test
	void onAPhoneEveryPageOfTheDayFitsTheScreen() {
		ParticipantProfile ida = enrol("uma", "Ida Fernández-Castellanos", "+12025551006");
		String id = ida.id().value();
		conversations.startCheckIn(ida.id());
		text("uma", ida, "4");
		text("uma", ida, "no");
		text("uma", ida, "a long walk with my neighbour and her dog");
		assertThat(api("uma").postForEntity("/api/participants/" + id + "/allies", Map.of("name",
				"Teodora Fernández-Castellanos", "phone", "+12025551008", "why", "my sister"), String.class).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		assertThat(api("uma").postForEntity("/api/participants/" + id + "/reminders", Map.of("title",
				"Appointment with the housing caseworker", "place", "Community centre, second floor, room 12", "start",
				"2030-03-13T07:00", "leads", List.of(Map.of("before", "PT1H")), "inQuietHours", "SEND_ANYWAY"),
				String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(api("uma").postForEntity("/api/participants/" + id + "/messages", Map.of("text",
				"Thinking of you today. How did the appointment with the caseworker go? Call me any time."),
				String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		clock.set(START.plus(Duration.ofMinutes(20)));
		text("uma", ida, "It went well, thank you. They found a room for me from next month");
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri(), 390, 844)) {
			browser.signIn("uma", "uma-pass-1");
			browser.go("/participants/" + id);
			assertThat(browser.text("#allies tbody")).contains("Teodora");
			assertThat(browser.text("#reminders")).contains("In their quiet hours: sent anyway, as they asked.");
			assertThat(browser.findAll("#thread li")).hasSize(2);
			assertThat(browser.findAll("#chart-30 svg rect.answered")).hasSize(1);
			for (String path : List.of("/participants/" + id, "/participants/" + id + "/edit", "/alerts", "/settings")) {
				browser.go(path);
				fitsAPhone(browser, path);
			}
		}
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri(), 390, 844)) {
			browser.signIn("coach", "sim-pass-2030");
			browser.go("/caseload/cover");
			assertThat(browser.h1()).isEqualTo("Cover a caseload");
			fitsAPhone(browser, "/caseload/cover");
		}
	}

	private static void fitsAPhone(ConsoleBrowser browser, String path) {
		assertThat(browser.sidewaysOverflow()).as(path + " at 390 px").isNull();
		browser.assertAccessible();
	}

	private TestRestTemplate api(String coach) {
		return http.withBasicAuth(coach, coach + "-pass-1");
	}

	private ParticipantProfile enrol(String coach, String name, String phone) {
		TestCoaches.ensure(mongo, encoder, coach, coach + "-pass-1");
		return participants.enrol(new EnrolParticipant(name, phone, "America/New_York", "09:00", "en"), coach);
	}

	private ConsoleBrowser signedIn(String coach) {
		ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri());
		browser.signIn(coach, coach + "-pass-1");
		return browser;
	}
}
