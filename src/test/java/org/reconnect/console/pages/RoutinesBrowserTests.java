package org.reconnect.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.reconnect.ConsoleBrowser;
import org.reconnect.TestCoaches;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.reconnect.routines.RoutineService;
import org.reconnect.routines.RoutineView;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real headless Chromium, a coach puts a weekly reflection and the small-steps flow on a
 * participant's routine from the participant's page, and the page says both in words, and later
 * what they tried of the small steps; axe-core checks the page in every state.
 */
class RoutinesBrowserTests extends BrowserTestBase {

	@Autowired
	ParticipantService participants;

	@Autowired
	RoutineService routines;

	@Autowired
	org.reconnect.flows.ConversationRuntime conversations;

	@Autowired
	org.reconnect.messaging.PhoneSimulator phone;

	@Test
	void aCoachPutsTheWeeklyReflectionAndSmallStepsOnARoutineAndReadsThemInWords() {
		TestCoaches.ensure(mongo, encoder, "opal", "opal-pass-1");
		ParticipantProfile noor = participants.enrol(
				new EnrolParticipant("Noor Haddad", "+12025551091", "America/New_York", "09:00", "en"), "opal");
		try (ConsoleBrowser browser = ConsoleBrowser.open(http.getRootUri())) {
			browser.signIn("opal", "opal-pass-1");
			browser.go("/participants/" + noor.id().value());
			// New participants have the organisation's reflection; the coach takes it away to choose their own.
			browser.find("#routine-weekly-reflection form[action$='/delete'] button").click();
			browser.waitFor(() -> browser.findAll("#routine-weekly-reflection").isEmpty());
			assertThat(browser.text("[role=status]")).isEqualTo("Weekly reflection will not start by itself any more.");
			browser.assertAccessible();

			add(browser, "weekly-reflection", "SU", "18:00");
			browser.waitFor(() -> !browser.findAll("#routine-weekly-reflection").isEmpty());
			add(browser, "small-steps", "MO", "18:30");
			browser.waitFor(() -> !browser.findAll("#routine-small-steps").isEmpty());

			assertThat(browser.text("#routine-weekly-reflection h3")).isEqualTo("Weekly reflection");
			assertThat(browser.text("#routine-weekly-reflection .routine-words"))
				.isEqualTo("Every Sun at 6:00 PM their time. Next: Sun, Mar 10, 2030 at 6:00 PM.");
			assertThat(browser.text("#routine-small-steps h3")).isEqualTo("Small steps");
			assertThat(browser.text("#routine-small-steps .routine-words"))
				.isEqualTo("Every Mon at 6:30 PM their time. Next: Mon, Mar 11, 2030 at 6:30 PM.");
			browser.assertAccessible();

			// two weeks of small steps later, the page says what they tried
			conversations.start(noor.id(), "small-steps");
			phone.receive(noor.phone(), "ok");
			clock.advance(java.time.Duration.ofDays(7));
			conversations.start(noor.id(), "small-steps");
			phone.receive(noor.phone(), "done");
			browser.go("/participants/" + noor.id().value());
			assertThat(browser.text("#small-steps li")).endsWith(": sending one text to someone, did it or tried");
			browser.assertAccessible();
		}
		assertThat(routines.list(noor.id())).extracting(RoutineView::flow)
			.containsExactlyInAnyOrder("weekly-reflection", "small-steps");
	}

	/** Adds a routine with the page's own form: the flow, one weekday, a time of theirs. */
	private static void add(ConsoleBrowser browser, String flow, String day, String time) {
		new Select(browser.find("#routine-new select[name=flow]")).selectByValue(flow);
		browser.find("#routine-new input[name=days][value=" + day + "]").click();
		browser.setValue("#routine-new input[name=time]", time);
		browser.find("#routine-new button[type=submit]").click();
	}
}
