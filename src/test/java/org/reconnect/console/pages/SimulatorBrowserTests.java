package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.reconnect.ConsoleBrowser;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;

/**
 * The coach's day in a real browser: enrol someone, give them a weekly meeting, run their daily
 * check-in in the phone simulator, jump the clock until they go quiet, see them rise to the top of
 * the caseload and acknowledge the alert. The simulator and flows pages pass axe-core.
 */
class SimulatorBrowserTests extends SimulatorAppTestBase {

	@Autowired
	TestRestTemplate http;

	@Autowired
	MutableClock clock;

	@AfterEach
	void backToTestTime() {
		clock.reset();
	}

	@Test
	void aCheckInGoesUnansweredUntilTheParticipantIsQuietAndTheCoachAcknowledges() {
		clock.set(START);
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri())) {
			browser.signIn("coach", "sim-pass-2030");

			// Enrol, and a weekly meeting (the participant page's part).
			browser.go("/participants/new");
			browser.find("#name").sendKeys("Ada Brightwater");
			browser.find("#phone").sendKeys("(202) 555-0388");
			browser.script("arguments[0].value = 'America/New_York'; arguments[1].value = '11:00';", browser.find("#timeZone"),
					browser.find("#checkInTime"));
			browser.find("main form button[type=submit]").click();
			browser.waitFor(() -> browser.driver().getCurrentUrl().matches(".*/participants/[^/?#]+.*")
					&& !browser.driver().getCurrentUrl().endsWith("/new"));
			String id = browser.driver().getCurrentUrl().replaceAll(".*/participants/([^/?#]+).*", "$1");
			browser.find("#title").sendKeys("Group meeting");
			browser.script("arguments[0].value = '2030-03-12'; arguments[1].value = '19:00';", browser.find("#date"),
					browser.find("#time"));
			browser.find("#day-TU").click();
			// the live preview lands above the buttons and moves them: click once it has (a click is aimed at a place)
			browser.waitFor(() -> browser.text("#reminder-preview").contains("Every Tue at 7:00 PM"));
			browser.find("#reminder-form button[type=submit]").click();
			browser.waitFor(() -> browser.text("main").contains("Reminder added: Group meeting"));

			// The daily check-in, in the phone simulator; nobody answers.
			browser.go("/simulator?participant=" + id);
			assertThat(browser.h1()).isEqualTo("Phone simulator");
			browser.assertAccessible();
			click(browser, "Fire today's check-in");
			browser.waitFor(() -> browser.text("#chat").contains("Hi Ada, it's check-in time."));
			assertThat(browser.text("[role=status]")).contains("check-in went out");

			// Two hours: a nudge arrives on the phone without a reload.
			click(browser, "+2h");
			browser.waitFor(() -> browser.text("#chat").contains("Just checking in again, Ada."));
			assertThat(browser.text("#demo-offset")).isEqualTo("2 h ahead of real time.");

			// Keyboard only: type a jump and press Enter; then a day.
			browser.find("#by").sendKeys("5h", Keys.ENTER);
			browser.waitFor(() -> browser.text("#demo-offset").equals("7 h ahead of real time."));
			// the count is the whole store's (other tests share it); Ada's own conversation is among them
			assertThat(browser.text("#jump-result")).containsPattern("conversations expired: [1-9]");
			assertThat(browser.text("main")).contains("No open conversation");
			click(browser, "+1d");
			browser.waitFor(() -> browser.text("#demo-offset").equals("1 d 7 h ahead of real time."));
			browser.screenshot(Path.of("target/screenshots/simulator.png"));

			// Quiet: she rises into the group at the top of the caseload.
			browser.go("/");
			List<WebElement> rows = browser.findAll("#caseload-table tbody tr");
			int ada = indexOf(rows, id);
			assertThat(ada).as("Ada is in the caseload").isNotNegative();
			assertThat(rows.get(ada).getText()).contains("Quiet");
			assertThat(rows.subList(0, ada + 1)).as("everyone above her needs attention too")
				.allSatisfy(row -> assertThat(row.getAttribute("class")).contains("needs-attention"));

			// The alert, acknowledged with one click.
			browser.go("/alerts");
			browser.find("#alert-" + id + " form[action$='/acknowledge'] button").click();
			browser.waitFor(() -> browser.text("#alert-" + id).contains("cknowledged"));
		}
	}

	@Test
	void theSimulatorSendsAsThePhoneByKeyboardAndFitsAPhoneScreen() {
		clock.set(START);
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri(), 390, 844)) {
			browser.signIn("coach", "sim-pass-2030");
			browser.go("/simulator");
			browser.find("main details summary").click();
			browser.find("#new-name").clear();
			browser.find("#new-name").sendKeys("Theo Park");
			browser.find("#create-participant button[type=submit]").click();
			browser.waitFor(() -> browser.text("#phone-heading").equals("Phone of Theo Park"));
			assertThat(browser.text("main")).contains("+1202555");
			browser.find("#flow").sendKeys("reminder-reply");
			click(browser, "Start flow");
			browser.waitFor(() -> browser.text("#chat").contains("Will you make it?"));

			browser.find("#body").sendKeys("going", Keys.ENTER);

			browser.waitFor(() -> browser.text("#chat").contains("Great. Enjoy it, and say hi to someone new."));
			assertThat(browser.find("#body").getAttribute("value")).as("the box is empty again").isEmpty();
			assertThat(browser.findAll("#chat .from-phone")).extracting(WebElement::getText)
				.anyMatch(text -> text.contains("going"));
			assertThat(browser.sidewaysOverflow()).as("fits a phone-sized screen").isNull();
			browser.screenshot(Path.of("target/screenshots/simulator-phone.png"));
			browser.assertAccessible();
		}
	}

	@Test
	void theFlowsPagesShowRevisionDiagramAndTransitions() {
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri())) {
			browser.signIn("coach", "sim-pass-2030");
			browser.go("/flows");
			assertThat(browser.text("main")).contains("daily-checkin", "onboarding", "weekly-reflection");
			browser.assertAccessible();

			browser.find("a[href$='/flows/daily-checkin']").click();
			browser.waitFor(() -> browser.h1().equals("Flow daily-checkin"));
			assertThat(browser.findAll(".flow-diagram-box svg rect").size()).isGreaterThan(7);
			browser.script("document.getElementById('diagram-heading').scrollIntoView();");
			browser.screenshot(Path.of("target/screenshots/flow.png"));
			assertThat(browser.text("ul.transitions")).contains("mood → low-mood when a number 1–2",
					"In any state: a conversation still open 6h after it started expires");
			browser.assertAccessible();
			browser.resize(390, 844);
			assertThat(browser.sidewaysOverflow()).as("the wide diagram scrolls in its own box").isNull();
		}
	}

	@Test
	void aFlowsTranscriptsRunFromItsPage() throws Exception {
		Path tests = Files.createDirectories(FLOWS_DIR.resolve("tests"));
		Files.copy(Path.of("conversation-flows/tests/reminder-reply.yaml"), tests.resolve("reminder-reply.yaml"),
				StandardCopyOption.REPLACE_EXISTING);
		clock.set(START);
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri())) {
			browser.signIn("coach", "sim-pass-2030");
			browser.go("/flows/reminder-reply");
			browser.findAll("#transcripts button").get(0).click();
			browser.waitFor(() -> browser.text("#transcripts").contains("passed, run at"));

			WebElement row = browser.findAll("#transcripts tbody tr").stream()
				.filter(r -> r.getText().startsWith("reminder-reply.yaml"))
				.findFirst()
				.orElseThrow();
			assertThat(row.getText()).contains("Passed");
			browser.assertAccessible();
		}
		assertThat(clock.instant()).as("demo time is back where it was").isEqualTo(START);
	}

	private static void click(ConsoleBrowser browser, String button) {
		browser.findAll("main button").stream().filter(b -> b.getText().trim().equals(button)).findFirst()
			.orElseThrow(() -> new AssertionError("no button " + button)).click();
	}

	private static int indexOf(List<WebElement> rows, String id) {
		for (int i = 0; i < rows.size(); i++) {
			if (id.equals(rows.get(i).getAttribute("data-participant"))) {
				return i;
			}
		}
		return -1;
	}
}
