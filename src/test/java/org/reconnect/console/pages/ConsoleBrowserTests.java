package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.reconnect.ConsoleBrowser;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.TestCoaches;
import org.reconnect.escalation.Audience;
import org.reconnect.escalation.EscalationService;
import org.reconnect.escalation.LadderStep;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.participants.ResponsivenessSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The coach console in a real headless chromium: sign in, enrol, add a weekly meeting, read the
 * caseload and the participant's page, the alerts inbox, a phone-sized screen, and axe-core's
 * WCAG 2.2 AA check on every page. Each test has its own coach, so caseloads never mix.
 */
class ConsoleBrowserTests extends SimulatorAppTestBase {

	/** Where screenshots go; {@code -Dconsole.screenshots=docs/screenshots} refreshes the README's. */
	private static final Path SCREENSHOTS = Path.of(System.getProperty("console.screenshots", "target/screenshots"));

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

	@Autowired
	ConversationRuntime conversations;

	@Autowired
	EscalationService escalation;

	@BeforeEach
	void startOfTheDay() {
		clock.set(START);
	}

	@AfterEach
	void restoreClock() {
		clock.set(START);
	}

	@Test
	void aCoachEnrolsSomeoneAddsAWeeklyMeetingAndFindsThemInTheCaseload() {
		TestCoaches.ensure(mongo, encoder, "jules", "jules-pass-1");
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri())) {
			browser.signIn("jules", "jules-pass-1");
			assertThat(browser.h1()).isEqualTo("Your caseload");
			browser.assertAccessible();

			browser.find("a[href='/participants/new']").click();
			assertThat(browser.h1()).isEqualTo("Enrol a participant");
			browser.find("#name").sendKeys("Lena Park");
			browser.find("#phone").sendKeys("202 555 0701");
			browser.waitFor(() -> browser.text("#phone-check").contains("Will be kept as (202) 555-0701"));
			browser.assertAccessible();
			browser.find("#phone").sendKeys("9");
			browser.waitFor(() -> browser.text("#phone-check").contains("Phone is not a valid phone number"));
			browser.find("#phone").sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
			// The check-in time is checked against quiet hours as it is typed.
			browser.waitFor(() -> browser.text("#checkInTime-check").contains("09:00 is fine: outside quiet hours 21:00\u201308:00."));
			setValue(browser, "#checkInTime", "22:00");
			browser.waitFor(() -> browser.text("#checkInTime-check").contains(
					"Check-in time 22:00 falls in quiet hours 21:00\u201308:00, when no check-in can be sent: choose a time "
							+ "from 08:00 until 21:00"));
			browser.assertAccessible();
			setValue(browser, "#checkInTime", "08:41");
			browser.waitFor(() -> browser.text("#checkInTime-check").contains("08:41 is fine"));
			browser.find("#timeZone").clear();
			browser.find("#timeZone").sendKeys("Mars/Olympus");
			browser.find("form.stack button[type=submit]").click();
			browser.waitFor(() -> !browser.findAll("#timeZone-error").isEmpty() || !browser.findAll(".error").isEmpty());
			assertThat(browser.findAll(".error").stream().map(WebElement::getText).toList()).as(browser.driver().getPageSource()).hasSize(1);
			assertThat(browser.text("#timeZone-error"))
				.isEqualTo("Time zone 'Mars/Olympus' is not an IANA time zone: send one such as America/New_York or Europe/Madrid");
			browser.assertAccessible();
			browser.find("#timeZone").clear();
			browser.find("#timeZone").sendKeys("America/New_York");
			browser.find("form.stack button[type=submit]").click();

			browser.waitFor(() -> browser.h1().startsWith("Lena Park"));
			assertThat(browser.text("[role=status]")).contains("Lena Park is enrolled");
			assertThat(browser.text("#profile-heading + dl")).contains("(202) 555-0701", "New York (America)", "SMS");

			// A weekly meeting: the form checks itself as it is typed.
			browser.find("#title").sendKeys("Group meeting");
			setValue(browser, "#start", "2030-03-12T19:00");
			browser.waitFor(() -> browser.text("#reminder-preview").contains("Every Tue at 7:00 PM"));
			assertThat(browser.findAll("#reminder-preview li").stream().map(WebElement::getText).toList())
				.startsWith("Tue, Mar 12, 2030 at 7:00 PM", "Tue, Mar 19, 2030 at 7:00 PM");
			browser.find("#rule").sendKeys("FREQ=SOMETIMES");
			browser.waitFor(() -> browser.text("#reminder-preview").contains("Rule 'FREQ=SOMETIMES' is not an RFC 5545"));
			browser.find("#rule").clear();
			new Select(browser.find("#repeat")).selectByValue("FREQ=WEEKLY");
			browser.waitFor(() -> browser.text("#reminder-preview").contains("Every Tue at 7:00 PM"));
			browser.find("#place").sendKeys("St Mark's hall");
			browser.assertAccessible();
			browser.find("#reminder-form button[type=submit]").click();

			browser.waitFor(() -> browser.text("[role=status]").contains("Reminder added: Group meeting, Every Tue at 7:00 PM."));
			assertThat(browser.text("#reminders .reminder")).contains("Group meeting", "Every Tue at 7:00 PM",
					"St Mark's hall", "Tue, Mar 12, 2030 at 7:00 PM");
			browser.assertAccessible();

			browser.find("a[href='/']").click();
			List<WebElement> rows = browser.findAll("#caseload-table tbody tr");
			assertThat(rows).hasSize(1);
			assertThat(rows.get(0).getText()).contains("Lena Park", "New", "never", "0 days", "Sat 9 Mar, 08:41");
		}
	}

	@Test
	void peopleWhoNeedTheCoachComeFirstAndAnAlertIsAcknowledgedWithOneClick() {
		TestCoaches.ensure(mongo, encoder, "robin", "robin-pass-1");
		ParticipantProfile dana = enrol("Dana Whitfield", "+12025550711", "08:11", "robin");
		ParticipantProfile priya = enrol("Priya Nair", "+12025550712", "08:12", "robin");
		ParticipantProfile marcus = enrol("Marcus Bell", "+12025550713", "08:13", "robin");
		ParticipantProfile tom = enrol("Tom Alvarez", "+12025550714", "08:14", "robin");
		enrol("Lena Ortiz", "+12025550715", "08:15", "robin");

		// Priya answers her check-in; Dana never does; Marcus writes in crisis; Tom is away.
		conversations.startCheckIn(priya.id());
		conversations.startCheckIn(dana.id());
		text("robin", priya, "4");
		text("robin", priya, "no");
		text("robin", priya, "a call with my sister");
		text("robin", marcus, "honestly I cant go on like this");
		participants.pause(tom.id(), START.plus(Duration.ofDays(5)), "coach:robin");
		// Dana's sister agreed to hear when Dana goes quiet; Dana's coach set a short ladder.
		assertThat(http.withBasicAuth("robin", "robin-pass-1")
			.postForEntity("/api/participants/" + dana.id().value() + "/allies",
					Map.of("name", "Rosa Whitfield", "phone", "+12025550716", "why", "my sister"), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		text("robin", "+12025550716", "YES");
		participants.setResponsiveness(dana.id(), new ResponsivenessSettings(Duration.ofHours(2), 2, true));
		escalation.setLadder(dana.id(),
				List.of(new LadderStep("nudge", Duration.ofHours(1), Audience.PARTICIPANT, "nudge", null),
						new LadderStep("coach", Duration.ofMinutes(90), Audience.COACH, "quiet", null),
						new LadderStep("allies", Duration.ofHours(2), Audience.ALLIES, "quiet", null)));
		clock.advance(Duration.ofHours(7)); // 18:00 in New York: Dana's check-in expired unanswered
		conversations.expireDue();
		clock.advance(Duration.ofHours(2)); // 20:00: quiet, before anyone's quiet hours
		escalation.runDue();

		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri())) {
			browser.signIn("robin", "robin-pass-1");
			assertThat(browser.findAll("#caseload-table tbody th").stream().map(WebElement::getText).toList())
				.containsExactly("Marcus Bell", "Dana Whitfield", "Lena Ortiz", "Priya Nair", "Tom Alvarez");
			assertThat(rowOf(browser, "Dana Whitfield")).contains("Quiet", "never", "3 open");
			assertThat(rowOf(browser, "Marcus Bell")).contains("Crisis", "On time");
			assertThat(rowOf(browser, "Priya Nair")).contains("On time", "9 h ago", "1 day", "Sat 9 Mar, 08:12");
			assertThat(rowOf(browser, "Tom Alvarez")).contains("Paused");
			browser.assertAccessible();
			browser.screenshot(SCREENSHOTS.resolve("caseload.png"));

			new Select(browser.find("#state")).selectByValue("QUIET");
			browser.waitFor(() -> browser.findAll("#caseload-table tbody th").size() == 1);
			assertThat(browser.text("#caseload-table tbody th")).isEqualTo("Dana Whitfield");

			browser.go("/participants/" + priya.id().value());
			assertThat(browser.text("ol.timeline")).contains("a call with my sister", "Thank you. Any cravings today?");
			browser.assertAccessible();
			browser.screenshot(SCREENSHOTS.resolve("participant.png"));

			browser.go("/alerts");
			assertThat(browser.findAll(".alert-card h2").stream().map(WebElement::getText).toList())
				.containsExactly("Marcus Bell On time Crisis", "Dana Whitfield Quiet");
			assertThat(browser.text("#alert-" + dana.id().value())).contains("Dana (a nudge)", "Coach robin",
					"Rosa Whitfield (ally)");
			browser.assertAccessible();
			browser.screenshot(SCREENSHOTS.resolve("alerts.png"));

			browser.find("#alert-" + dana.id().value() + " form button").click();
			browser.waitFor(() -> browser.text("#alert-" + dana.id().value()).contains("The escalation is acknowledged"));
			assertThat(escalation.responsiveness(dana.id()).acknowledgedBy()).isEqualTo("coach:robin");
			browser.find("#alert-" + marcus.id().value() + " form button").click();
			browser.waitFor(() -> browser.text("#alert-" + marcus.id().value()).contains("The notice is acknowledged"));
			assertThat(escalation.openAttention(marcus.id())).isEmpty();
			browser.assertAccessible();
		}
	}

	@Test
	void onAPhoneTheCaseloadFitsTheScreen() {
		TestCoaches.ensure(mongo, encoder, "kit", "kit-pass-1");
		enrol("Alexandria Montgomery-Fitzwilliam", "+12025550721", "08:21", "kit");
		enrol("Bo Chen", "+12025550722", "08:22", "kit");
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri(), 390, 844)) {
			browser.signIn("kit", "kit-pass-1");
			assertThat(browser.findAll("#caseload-table tbody tr")).hasSize(2);
			assertThat(browser.scrollsSideways()).as(() -> "the caseload scrolls sideways at 390 px: " + browser.script(
					"return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');"))
				.isFalse();
			browser.assertAccessible();
			browser.find("a[href='/participants/new']").click();
			assertThat(browser.scrollsSideways()).as("the enrol form scrolls sideways at 390 px").isFalse();
		}
	}

	@Test
	void aCoachCannotOpenAnotherCoachsParticipant() {
		TestCoaches.ensure(mongo, encoder, "sky", "sky-pass-1");
		TestCoaches.ensure(mongo, encoder, "ash", "ash-pass-1");
		ParticipantProfile theirs = enrol("Noor Haddad", "+12025550731", "08:31", "sky");
		String page = "/participants/" + theirs.id().value();
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri())) {
			browser.signIn("ash", "ash-pass-1");
			assertThat(browser.findAll("#caseload-table tbody tr")).isEmpty();
			for (String path : List.of(page, page + "/export", page + "/erase")) {
				assertThat(status(browser, path)).as(path).isEqualTo(404L);
			}
			browser.go(page);
			assertThat(browser.h1()).isEqualTo("Not found");
			assertThat(browser.driver().getPageSource()).doesNotContain("Noor");
			browser.assertAccessible();
			browser.go("/alerts");
			browser.assertAccessible();
		}
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri())) {
			browser.signIn("sky", "sky-pass-1");
			assertThat(status(browser, page)).isEqualTo(200L);

			// Their own coach pauses, resumes, then erases them after a confirmation step.
			browser.go(page);
			browser.find("#pause button[type=submit]").click();
			browser.waitFor(() -> browser.text("#pause").contains("Paused until Mon 11 Mar, 12:00 their time."));
			assertThat(participants.find(theirs.id()).orElseThrow().paused()).isTrue();
			browser.find("#pause button[type=submit]").click();
			browser.waitFor(() -> browser.text("[role=status]").contains("Resumed"));
			assertThat(participants.find(theirs.id()).orElseThrow().active()).isTrue();
			browser.find("a[href$='/erase']").click();
			assertThat(browser.h1()).isEqualTo("Erase Noor Haddad?");
			browser.assertAccessible();
			assertThat(participants.find(theirs.id())).as("nothing is erased before the confirmation").isPresent();
			browser.find("main form button.danger").click();
			browser.waitFor(() -> browser.text("[role=status]").contains("Noor Haddad was erased"));
			assertThat(participants.find(theirs.id())).isEmpty();
		}
	}

	/** The HTTP status of a GET from the signed-in page, as the browser sees it. */
	private static Object status(ConsoleBrowser browser, String path) {
		return browser.script("return fetch(arguments[0]).then(r => r.status);", path);
	}

	private ParticipantProfile enrol(String name, String phone, String checkInTime, String coach) {
		return participants.enrol(new EnrolParticipant(name, phone, "America/New_York", checkInTime, "en"), coach);
	}

	private void text(String coach, ParticipantProfile from, String body) {
		text(coach, from.phone(), body);
	}

	private void text(String coach, String from, String body) {
		assertThat(http.withBasicAuth(coach, coach + "-pass-1")
			.postForEntity("/api/simulator/inbound", Map.of("from", from, "body", body), String.class)
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
	}

	private static String rowOf(ConsoleBrowser browser, String name) {
		return browser.findAll("#caseload-table tbody tr")
			.stream()
			.filter(row -> row.findElement(By.cssSelector("th")).getText().equals(name))
			.findFirst()
			.orElseThrow()
			.getText();
	}

	/** Date and time inputs take typed keys by locale; set the value as a picker would, and tell htmx. */
	private static void setValue(ConsoleBrowser browser, String css, String value) {
		browser.script("var e = arguments[0]; e.value = arguments[1];"
				+ "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
				browser.find(css), value);
	}
}
