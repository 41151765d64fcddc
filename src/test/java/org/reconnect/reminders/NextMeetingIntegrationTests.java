package org.reconnect.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.flows.ConversationRuntime;
import org.reconnect.messaging.Messenger;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** A flow's {next_meeting} is the participant's next meeting, from their reminders. */
class NextMeetingIntegrationTests extends SimulatorAppTestBase {

	@Autowired
	ParticipantService participants;

	@Autowired
	ConversationRuntime conversations;

	@Autowired
	Messenger messenger;

	@Autowired
	MutableClock clock;

	@Autowired
	TestRestTemplate http;

	@Test
	void theWeeklyReflectionNamesTheNextMeeting() {
		clock.set(START);
		ParticipantProfile ana = participants
			.enrol(new EnrolParticipant("Ana Ruiz", "+12025550361", "America/New_York", "09:00", "en"), "coach");
		var created = http.withBasicAuth("coach", "sim-pass-2030")
			.postForEntity("/api/participants/" + ana.id() + "/reminders", Map.of("title", "Group meeting", "timeZone",
					"America/New_York", "start", "2030-03-05T19:00", "rule", "FREQ=WEEKLY;BYDAY=TU"), String.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		conversations.start(ana.id(), "weekly-reflection");
		http.withBasicAuth("coach", "sim-pass-2030")
			.postForEntity("/api/simulator/inbound", Map.of("from", ana.phone(), "body", "my walks"), String.class);

		assertThat(messenger.recent(ana.phone(), 1).get(0).body()).isEqualTo(
				"Thank you for sharing that. Keep leaning on what works. Next on your calendar: Group meeting, Tue, Mar 12, 7:00 PM.");
	}
}
