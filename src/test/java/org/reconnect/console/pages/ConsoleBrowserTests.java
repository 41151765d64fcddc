package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.reconnect.ConsoleBrowser;
import org.reconnect.TestCoaches;
import org.reconnect.escalation.Audience;
import org.reconnect.escalation.EscalationService;
import org.reconnect.escalation.LadderStep;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.participants.ResponsivenessSettings;
import org.reconnect.reminders.InQuietHours;
import org.reconnect.reminders.ReminderService;
import org.reconnect.reminders.ReminderView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The coach console in a real headless chromium: sign in, enrol, add a weekly meeting, read the
 * caseload and the participant's page, the alerts inbox, a phone-sized screen, and axe-core's
 * WCAG 2.2 AA check on every page. Each test has its own coach, so caseloads never mix.
 */
class ConsoleBrowserTests extends BrowserTestBase {

	/** Where screenshots go; {@code -Dconsole.screenshots=docs/screenshots} refreshes the README's. */
	private static final Path SCREENSHOTS = Path.of(System.getProperty("console.screenshots", "target/screenshots"));

	@Autowired
	ParticipantService participants;

	@Autowired
	ConversationRuntime conversations;

	@Autowired
	EscalationService escalation;

	@Autowired
	ReminderService reminders;

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
			browser.setValue("#checkInTime", "22:00");
			browser.waitFor(() -> browser.text("#checkInTime-check").contains(
					"Check-in time 22:00 falls in quiet hours 21:00\u201308:00, when no check-in can be sent: choose a time "
							+ "from 08:00 until 21:00"));
			browser.assertAccessible();
			browser.setValue("#checkInTime", "08:41");
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

			// A weekly meeting on Tuesdays and Thursdays, ten times: built from choices, checked as it is typed.
			browser.find("#title").sendKeys("Group meeting");
			browser.setValue("#date", "2030-03-11");
			browser.setValue("#time", "19:00");
			browser.find("#day-TU").click();
			browser.find("#day-TH").click();
			browser.find("#ends-after").click();
			browser.find("#count").sendKeys("10");
			browser.waitFor(() -> browser.text("#reminder-preview").contains("Every Tue and Thu at 7:00 PM, 10 times"));
			assertThat(browser.findAll("#reminder-preview li").stream().map(WebElement::getText).toList())
				.startsWith("Tue, Mar 12, 2030 at 7:00 PM", "Thu, Mar 14, 2030 at 7:00 PM", "Tue, Mar 19, 2030 at 7:00 PM");
			assertThat(browser.findAll("#rule")).as("the raw rule is for the API only").isEmpty();
			browser.find("#day-TU").click();
			browser.find("#day-TH").click();
			browser.waitFor(() -> browser.text("#reminder-preview").contains("Days: tick at least one day of the week"));
			browser.find("#day-TU").click();
			browser.find("#day-TH").click();
			browser.waitFor(() -> browser.text("#reminder-preview").contains("Every Tue and Thu at 7:00 PM, 10 times"));
			browser.find("#place").sendKeys("St Mark's hall");
			browser.assertAccessible();
			browser.find("#reminder-form button[type=submit]").click();

			browser.waitFor(() -> browser.text("[role=status]")
				.contains("Reminder added: Group meeting, Every Tue and Thu at 7:00 PM, 10 times."));
			assertThat(browser.text("#reminders .reminder")).contains("Group meeting", "Every Tue and Thu at 7:00 PM, 10 times",
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

			// A small trend per person, in words for screen readers, and the caseload's answer rate per week.
			browser.go("/");
			assertThat(browser.find("tr[data-participant='" + priya.id().value() + "'] svg.sparkline").getAttribute("aria-label"))
				.isEqualTo("Last 14 days: 1 answered, 0 missed, 0 not delivered");
			assertThat(browser.find("tr[data-participant='" + dana.id().value() + "'] svg.sparkline").getAttribute("aria-label"))
				.isEqualTo("Last 14 days: 0 answered, 1 missed, 0 not delivered");
			assertThat(browser.text("#weekly tbody tr:last-child")).contains("50% (1 of 2)");
			assertThat(browser.findAll("nav .tools-menu")).as("no Twilio here: coaches see the tools").hasSize(1);

			browser.go("/participants/" + priya.id().value());
			assertThat(browser.text("ol.timeline")).contains("a call with my sister", "Thank you. Any cravings today?");
			// The 30-day chart: a sentence for the picture, and the days as a table.
			assertThat(browser.text("#chart-30 figcaption"))
				.isEqualTo("The last 30 days: 1 answered, 0 missed, 0 not delivered. Mood on average 4.0 of 5.");
			assertThat(browser.find("#chart-30 svg").getAttribute("aria-labelledby")).isEqualTo("chart-30-caption");
			assertThat(browser.findAll("#chart-30 svg rect.answered")).hasSize(1);
			assertThat(browser.findAll("#chart-30 svg .mood-dot")).hasSize(1);
			browser.find("#chart-30 details summary").click();
			assertThat(browser.findAll("#chart-30 tbody tr")).hasSize(30);
			assertThat(browser.text("#chart-30 tbody tr:first-child")).isEqualTo("Fri 8 Mar Answered 4");
			assertThat(browser.text("#chart-90 figcaption")).startsWith("The last 90 days: 1 answered");
			browser.assertAccessible();
			browser.screenshot(SCREENSHOTS.resolve("participant.png"));
			browser.script("document.getElementById('progress').scrollIntoView();");
			browser.screenshot(SCREENSHOTS.resolve("progress-chart.png"));

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
	void aMonthlyAppointmentOnTheLastFridayInEnglishOnAPhoneAndInSpanish() {
		TestCoaches.ensure(mongo, encoder, "noa", "noa-pass-1");
		ParticipantProfile rosa = enrol("Rosa Medina", "+12025550741", "08:41", "noa");
		String page = "/participants/" + rosa.id().value();
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri(), 390, 844)) {
			browser.signIn("noa", "noa-pass-1");
			browser.go(page);
			browser.find("#title").sendKeys("Counsellor");
			browser.setValue("#date", "2030-03-11");
			browser.setValue("#time", "10:00");
			browser.find("#repeat-monthly").click();
			browser.find("#monthly-weekday").click();
			new Select(browser.find("#ordinal")).selectByValue("-1");
			new Select(browser.find("#weekday")).selectByValue("FR");
			browser.waitFor(() -> browser.text("#reminder-preview").contains("Last Fri of the month at 10:00 AM"));
			assertThat(browser.findAll("#reminder-preview li").stream().map(WebElement::getText).toList()).startsWith(
					"Fri, Mar 29, 2030 at 10:00 AM", "Fri, Apr 26, 2030 at 10:00 AM", "Fri, May 31, 2030 at 10:00 AM");
			assertThat(browser.text("#reminder-preview")).contains("Next times, their time (Eastern Time):");
			assertThat(browser.sidewaysOverflow()).as("the participant page scrolls sideways at 390 px").isNull();
			browser.assertAccessible();
			browser.script("document.activeElement.blur(); document.getElementById('reminder-preview').scrollIntoView({block: 'end'});");
			browser.screenshot(SCREENSHOTS.resolve("reminder-form-phone.png"));
			browser.find("#reminder-form button[type=submit]").click();
			browser.waitFor(() -> browser.text("[role=status]")
				.contains("Reminder added: Counsellor, Last Fri of the month at 10:00 AM."));
		}
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri(), 1280, 900, "es")) {
			browser.signIn("noa", "noa-pass-1");
			// Accept-Language: es, and no setting of their own yet: the console speaks Spanish.
			assertThat(browser.h1()).isEqualTo("Sus personas");
			assertThat(browser.text("nav")).contains("Personas", "Avisos", "Inscribir", "Ajustes");
			assertThat(browser.text("#caseload-table thead")).contains("Última señal", "Próximo contacto");
			assertThat(browser.text("#caseload-table tbody")).contains("Rosa Medina", "Nuevo");
			browser.assertAccessible();
			browser.go("/alerts");
			assertThat(browser.h1()).isEqualTo("Avisos");
			browser.assertAccessible();
			browser.go("/participants/new");
			assertThat(browser.h1()).isEqualTo("Inscribir a una persona");
			browser.assertAccessible();
			browser.go(page);
			assertThat(browser.text("#reminder-form-heading")).isEqualTo("Añadir un recordatorio");
			assertThat(browser.text("#reminders .reminder")).contains("El último viernes de cada mes a las 10:00");
			browser.find("#title").sendKeys("Grupo");
			browser.setValue("#date", "2030-03-11");
			browser.setValue("#time", "18:30");
			browser.find("#day-TU").click();
			browser.waitFor(() -> browser.text("#reminder-preview").contains("Cada martes a las 18:30"));
			assertThat(browser.driver().findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang")).isEqualTo("es");
			assertThat(browser.text("#chart-30 figcaption")).startsWith("Los últimos 30 días: 0 respondidos");
			browser.assertAccessible();

			// Their own setting wins over the browser's; times in their zone, by the place's name.
			browser.go("/settings");
			assertThat(browser.h1()).isEqualTo("Sus ajustes");
			browser.find("#zone").sendKeys("Mars/Olympus");
			browser.find("main form button[type=submit]").click();
			browser.waitFor(() -> !browser.findAll("#zone-error").isEmpty());
			assertThat(browser.text("#zone-error")).startsWith("La zona horaria 'Mars/Olympus' no es un lugar");
			browser.assertAccessible();
			browser.find("#zone").clear();
			browser.find("#zone").sendKeys("Europe/Madrid");
			new Select(browser.find("#language")).selectByValue("en");
			browser.find("main form button[type=submit]").click();
			browser.waitFor(() -> browser.text("[role=status]").contains("Your settings are saved."));
			assertThat(browser.h1()).isEqualTo("Your settings");
			browser.assertAccessible();
			browser.go("/");
			assertThat(browser.h1()).isEqualTo("Your caseload");
			assertThat(browser.text("#caseload-table caption")).contains("Fri 8 Mar, 17:00", "Central European");
		}
	}

	/**
	 * A 07:00 shift reminded an hour before: the preview says the text falls in quiet hours and
	 * would be left out; the coach picks "send it anyway", as the participant asked, and the
	 * reminder's summary says so. On a phone, so the form with its notes is checked at 390 px.
	 */
	@Test
	void anEarlyShiftTheyAskedToBeRemindedOfGoesEvenInQuietHours() {
		TestCoaches.ensure(mongo, encoder, "lou", "lou-pass-1");
		ParticipantProfile ines = enrol("Ines Vega", "+12025550751", "08:51", "lou");
		String page = "/participants/" + ines.id().value();
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri(), 390, 844)) {
			browser.signIn("lou", "lou-pass-1");
			browser.go(page);
			browser.find("#title").sendKeys("Early shift");
			browser.setValue("#date", "2030-03-13");
			browser.setValue("#time", "07:00");
			browser.find("#reminder-form input[name=repeat][value=once]").click();
			browser.find("#lead-0").click(); // not the day before: only an hour before, at 06:00
			browser.waitFor(() -> browser.text("#reminder-preview").contains("Once, on Wed, Mar 13, 2030 at 7:00 AM"));
			assertThat(browser.text("#quiet legend")).isEqualTo("If a text falls in their quiet hours (21:00 to 08:00)");
			assertThat(browser.find("#quiet-WAIT").isSelected()).as("waiting is the default").isTrue();
			browser.waitFor(() -> browser.text("#reminder-preview .quiet-note").equals("The text at Wed 6:00 AM falls in "
					+ "their quiet hours: it is left out, as the meeting will have begun by 8:00 AM, when they end."));

			browser.find("#quiet-SEND_ANYWAY").click();
			browser.waitFor(() -> browser.text("#reminder-preview .quiet-note")
				.equals("The text at Wed 6:00 AM falls in their quiet hours: it goes anyway, as set."));
			assertThat(browser.sidewaysOverflow()).as("the reminder form scrolls sideways at 390 px").isNull();
			browser.assertAccessible();
			browser.find("#reminder-form button[type=submit]").click();

			browser.waitFor(() -> browser.text("[role=status]")
				.contains("Reminder added: Early shift, Once, on Wed, Mar 13, 2030 at 7:00 AM."));
			assertThat(browser.text("#reminders .reminder")).contains("In their quiet hours: sent anyway, as they asked.",
					"The text at Wed 6:00 AM falls in their quiet hours: it goes anyway, as set.");
			assertThat(reminders.list(ines.id())).extracting(ReminderView::inQuietHours)
				.containsExactly(InQuietHours.SEND_ANYWAY);
			browser.assertAccessible();

			// Changing it later starts from the choice made.
			browser.find("#reminders .reminder a.button").click();
			browser.waitFor(() -> browser.text("#reminder-form-heading").equals("Change the reminder"));
			assertThat(browser.find("#quiet-SEND_ANYWAY").isSelected()).isTrue();
		}
	}

	/** Without JavaScript the Preview button shows the page again with the schedule in words and its dates. */
	@Test
	void thePreviewButtonWorksWithoutJavaScript() {
		TestCoaches.ensure(mongo, encoder, "ode", "ode-pass-1");
		ParticipantProfile sol = enrol("Sol Ortega", "+12025550742", "08:42", "ode");
		String page = "/participants/" + sol.id().value();
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri())) {
			browser.signIn("ode", "ode-pass-1");
			browser.go(page);
			browser.find("#title").sendKeys("Doctor");
			browser.setValue("#date", "2030-04-02");
			browser.setValue("#time", "09:15");
			browser.find("#reminder-form input[name=repeat][value=once]").click();
			// the live preview lands above the buttons and moves them: click once it has (a click is aimed at a place)
			browser.waitFor(() -> browser.text("#reminder-preview").contains("Once, on Tue, Apr 2, 2030 at 9:15 AM"));
			browser.find("#reminder-form button[name=preview]").click();
			browser.waitFor(() -> browser.driver().getCurrentUrl().endsWith("/reminders/preview"));
			assertThat(browser.text("#reminder-preview")).contains("Once, on Tue, Apr 2, 2030 at 9:15 AM");
			assertThat(browser.find("#title").getAttribute("value")).isEqualTo("Doctor");
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
			assertThat(browser.sidewaysOverflow()).as("the caseload at 390 px").isNull();
			browser.assertAccessible();
			browser.find("a[href='/participants/new']").click();
			assertThat(browser.sidewaysOverflow()).as("the enrol form scrolls sideways at 390 px").isNull();
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

	private static String rowOf(ConsoleBrowser browser, String name) {
		return browser.findAll("#caseload-table tbody tr")
			.stream()
			.filter(row -> row.findElement(By.cssSelector("th")).getText().equals(name))
			.findFirst()
			.orElseThrow()
			.getText();
	}
}
