package org.reconnect.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconnect.MutableClock;
import org.reconnect.SimulatorAppTestBase;
import org.reconnect.messaging.InboundMessage;
import org.reconnect.messaging.Messenger;
import org.reconnect.participants.EnrolParticipant;
import org.reconnect.participants.ParticipantProfile;
import org.reconnect.participants.ParticipantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A changed flow file is picked up without a restart; conversations in flight finish on the
 * revision they started on; an invalid change leaves the previous revision running.
 */
class FlowReloadIntegrationTests extends SimulatorAppTestBase {

	private static final String VERSION_ONE = """
			spec_version: 2
			name: reload-demo
			start: ask
			states:
			  ask:
			    say: "Ready?"
			    on_reply:
			      - when: any
			        goto: done
			  done:
			    say: "Version one."
			    end: true
			""";

	@Autowired
	FlowRegistry registry;

	@Autowired
	ConversationRuntime conversations;

	@Autowired
	ParticipantService participants;

	@Autowired
	Messenger messenger;

	@Autowired
	MutableClock clock;

	@Test
	void conversationsInFlightKeepTheirRevisionAndNewOnesUseTheNewFile() throws Exception {
		clock.set(START);
		Path file = FLOWS_DIR.resolve("reload-demo.yaml");
		Files.writeString(file, VERSION_ONE);
		registry.refresh();
		String first = registry.current("reload-demo").orElseThrow().revision();
		ParticipantProfile sam = participants
			.enrol(new EnrolParticipant("Sam", "+12025550301", "America/New_York", "09:00", "en"), "coach");
		assertThat(conversations.start(sam.id(), "reload-demo")).isPresent();

		Files.writeString(file, VERSION_ONE.replace("Version one.", "Version two."));
		registry.refresh();
		String second = registry.current("reload-demo").orElseThrow().revision();
		assertThat(second).isNotEqualTo(first);

		conversations.reply(sam, new InboundMessage("k1", sam.phone(), "yes", clock.instant()));
		assertThat(lastTo(sam)).isEqualTo("Version one.");
		assertThat(conversations.history(sam.id()).get(0).revision()).isEqualTo(first);

		conversations.start(sam.id(), "reload-demo");
		conversations.reply(sam, new InboundMessage("k2", sam.phone(), "yes", clock.instant()));
		assertThat(lastTo(sam)).isEqualTo("Version two.");
		assertThat(conversations.history(sam.id()).get(0).revision()).isEqualTo(second);
	}

	@Test
	void anInvalidChangeLeavesThePreviousRevisionRunningAndSaysWhy() throws Exception {
		Path file = FLOWS_DIR.resolve("reload-broken.yaml");
		Files.writeString(file, VERSION_ONE.replace("reload-demo", "reload-broken"));
		registry.refresh();
		String good = registry.current("reload-broken").orElseThrow().revision();

		Files.writeString(file, VERSION_ONE.replace("reload-demo", "reload-broken").replace("goto: done", "goto: finish"));
		registry.refresh();

		assertThat(registry.current("reload-broken").orElseThrow().revision()).isEqualTo(good);
		List<FlowRegistry.Report> reports = registry.reports();
		assertThat(reports).filteredOn(r -> r.file().equals(file.toString()))
			.singleElement()
			.satisfies(report -> assertThat(report.error())
				.isEqualTo(file + ":9:15: transition to missing state 'finish': add that state or go to one of [ask, done]"));
	}

	private String lastTo(ParticipantProfile participant) {
		return messenger.recent(participant.phone(), 1).get(0).body();
	}
}
